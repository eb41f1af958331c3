import { asc, inArray } from 'drizzle-orm';
import type { TEmailMessageView, TEmailThreadView } from '@shared/api/emails';
import type { AuthUser } from '../../context';
import { idChunks, type Db } from '../../db/client';
import { emailMessages, emailParticipants, type emailThreads, users } from '../../db/schema';
import { normalizeEmail, replyAddress } from '../../email/addresses';
import { messageViews, type MessageRow } from './message-view';

export type ThreadRow = typeof emailThreads.$inferSelect;
export type ParticipantRow = typeof emailParticipants.$inferSelect;

/** docs/domain.md: a private thread is seen by invoice admins (admin on the contract's tool) and the people on its To/CC. */
export function canSeeThread(thread: ThreadRow, participants: ParticipantRow[], user: AuthUser, isToolAdmin: boolean): boolean {
  if (!thread.isPrivate || isToolAdmin) return true;
  const email = normalizeEmail(user.email);
  return participants.some((p) => p.userId === user.id || p.email === email);
}

export async function loadParticipants(db: Db, threadIds: string[]): Promise<ParticipantRow[]> {
  const out: ParticipantRow[] = [];
  for (const ids of idChunks(threadIds)) out.push(...(await db.select().from(emailParticipants).where(inArray(emailParticipants.threadId, ids))));
  return out;
}

/** Full views of the given threads: participants, creator, messages oldest first with files and delivery events. */
export async function threadViews(db: Db, inboundDomain: string, threads: ThreadRow[], participants: ParticipantRow[]): Promise<TEmailThreadView[]> {
  if (!threads.length) return [];
  const ids = threads.map((t) => t.id);
  const messages: MessageRow[] = [];
  for (const part of idChunks(ids)) {
    messages.push(
      ...(await db.select().from(emailMessages).where(inArray(emailMessages.threadId, part)).orderBy(asc(emailMessages.createdAt), asc(emailMessages.id))),
    );
  }
  const creators: Array<{ id: string; name: string }> = [];
  for (const part of idChunks([...new Set(threads.map((t) => t.createdBy))])) {
    creators.push(...(await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, part))));
  }
  return threadViewsFrom(inboundDomain, threads, participants, creators, await messageViews(db, messages));
}

/** Thread views from rows read already; `views` holds their messages, oldest first. */
export function threadViewsFrom(
  inboundDomain: string,
  threads: ThreadRow[],
  participants: ParticipantRow[],
  creators: Array<{ id: string; name: string }>,
  views: TEmailMessageView[],
): TEmailThreadView[] {
  const roleOrder = { from: 0, to: 1, cc: 2 } as const;
  return threads.map((t) => ({
    id: t.id,
    invoiceId: t.invoiceId,
    subject: t.subject,
    isPrivate: t.isPrivate,
    replyAddress: replyAddress(t.replyToken, inboundDomain),
    createdAt: t.createdAt,
    createdBy: { id: t.createdBy, name: creators.find((u) => u.id === t.createdBy)?.name ?? '' },
    participants: participants
      .filter((p) => p.threadId === t.id)
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.email.localeCompare(b.email))
      .map((p) => ({ email: p.email, name: p.name, userId: p.userId, role: p.role })),
    // in the order they reached us (server time), not by the sender's Date header, which may be skewed
    messages: views.filter((v) => v.threadId === t.id),
  }));
}
