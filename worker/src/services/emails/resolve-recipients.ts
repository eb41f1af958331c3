import { inArray } from 'drizzle-orm';
import type { TRecipient } from '@shared/api/emails';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { users } from '../../db/schema';
import { normalizeEmail, type Person } from '../../email/addresses';

type Recipient = { userId?: string; email?: string; name?: string };

/**
 * To/CC as people: directory users by id, typed addresses matched to users by email (so a user is
 * recognised however they were picked). Problems are collected per field (to.2.userId, cc.0.email).
 * The same address twice is kept once; an address on To is dropped from CC.
 */
export async function resolveRecipients(
  ctx: ServiceCtx,
  lists: { to: TRecipient[]; cc: TRecipient[] },
): Promise<{ to: Person[]; cc: Person[]; problems: ErrorDetail[] }> {
  const all = [...lists.to, ...lists.cc] as Recipient[];
  const ids = [...new Set(all.filter((r) => r.userId).map((r) => r.userId!))];
  const emails = [...new Set(all.filter((r) => r.email).map((r) => normalizeEmail(r.email!)))];
  const found = [
    ...(ids.length ? await ctx.db.select().from(users).where(inArray(users.id, ids)) : []),
    ...(emails.length ? await ctx.db.select().from(users).where(inArray(users.email, emails)) : []),
  ];
  const byId = new Map(found.map((u) => [u.id, u]));
  const byEmail = new Map(found.map((u) => [normalizeEmail(u.email), u]));
  const inboundDomain = `@${ctx.env.INBOUND_DOMAIN.toLowerCase()}`;
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();

  const resolve = (list: Recipient[], field: 'to' | 'cc'): Person[] => {
    const out: Person[] = [];
    list.forEach((r, i) => {
      let person: Person;
      if (r.userId) {
        const u = byId.get(r.userId);
        if (!u) {
          problems.push({ field: `${field}.${i}.userId`, code: 'UNKNOWN_USER', message: `No user ${r.userId}` });
          return;
        }
        person = { email: normalizeEmail(u.email), name: u.name, userId: u.id };
      } else {
        const email = normalizeEmail(r.email!);
        const u = byEmail.get(email);
        person = { email, name: r.name?.trim() || u?.name || '', userId: u?.id ?? null };
      }
      if (person.email.endsWith(inboundDomain)) {
        problems.push({
          field: `${field}.${i}.${r.userId ? 'userId' : 'email'}`,
          code: 'REPLY_DOMAIN',
          message: `${person.email} is one of this product's reply addresses`,
        });
        return;
      }
      if (seen.has(person.email)) return;
      seen.add(person.email);
      out.push(person);
    });
    return out;
  };
  const to = resolve(lists.to as Recipient[], 'to');
  const cc = resolve(lists.cc as Recipient[], 'cc');
  return { to, cc, problems };
}
