import { asc, eq, inArray } from 'drizzle-orm';
import type { TLienWaiverParties } from '@shared/api/lien-waivers';
import type { Locale } from '@shared/i18n/locales';
import { waiverAuditLabels } from '@shared/waivers/audit-labels';
import { waiverDocument } from '@shared/waivers/index';
import { formatMoney } from '@shared/money';
import type { WaiverDocument } from '@shared/waivers/types';
import type { ServiceCtx } from '../../context';
import { lienWaiverEvents, users } from '../../db/schema';
import type { AuditEntry } from '../../pdf/render-waiver';
import type { WaiverRow } from './waiver-facts';

/** The waiver's form filled from its stored parties (frozen when drafted) and its signature. */
export function documentOf(row: WaiverRow, parties: TLienWaiverParties, signer: { name: string; title: string; signedOn: string } | null): WaiverDocument {
  return waiverDocument(
    row.form,
    row.type,
    {
      ...parties,
      amountCents: row.amountCents,
      throughDate: row.throughDate,
      signerName: signer?.name ?? null,
      signerTitle: signer?.title ?? null,
      signedOn: signer?.signedOn ?? null,
    },
    parties.locale,
  );
}

export type EventDetail = Record<string, unknown>;

/** Lines of the audit page for the events so far (the signing one included by the caller). */
export async function auditEntries(
  ctx: ServiceCtx,
  waiverId: string,
  locale: Locale,
  pending: Array<{ action: 'signed'; at: string; userId: string; detail: EventDetail }>,
): Promise<AuditEntry[]> {
  const L = waiverAuditLabels(locale);
  const stored = await ctx.db.select().from(lienWaiverEvents).where(eq(lienWaiverEvents.waiverId, waiverId)).orderBy(asc(lienWaiverEvents.id));
  const events = [
    ...stored.map((e) => ({ action: e.action as AuditEntry['action'], at: e.createdAt, userId: e.userId, detail: JSON.parse(e.detailJson) as EventDetail })),
    ...pending,
  ];
  const ids = [...new Set(events.map((e) => e.userId).filter((x): x is string => !!x))];
  const people = ids.length ? await ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids)) : [];
  return events.map((e) => {
    const p = people.find((x) => x.id === e.userId);
    const d = e.detail;
    const detail: Array<[string, string]> = [];
    if (typeof d.amountCents === 'number') detail.push([L.amount, formatMoney(d.amountCents, locale)]);
    if (typeof d.signerName === 'string') detail.push([L.typedName, d.signerName]);
    if (typeof d.signerTitle === 'string') detail.push([L.title, d.signerTitle]);
    if (d.consent === true) detail.push([L.consent, L.consentYes]);
    if (typeof d.ip === 'string') detail.push([L.ip, d.ip || '—']);
    if (typeof d.userAgent === 'string') detail.push([L.userAgent, d.userAgent || '—']);
    if (typeof d.reason === 'string') detail.push([L.reason, d.reason]);
    return { action: e.action, at: e.at, by: p ? `${p.name} <${p.email}>` : '—', detail };
  });
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
