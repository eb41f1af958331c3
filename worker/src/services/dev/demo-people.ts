import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiTokens, companies, users } from '../../db/schema';
import { newId, newSecret, sha256Hex } from '../../lib/ids';

/** The demo's people, one per role of the permission table (docs/domain.md "Permissions"). */
export const demoPeople = {
  admin: { name: 'Ana Ruiz', email: 'ana.ruiz@gc-example.com', company: 'gc', locale: 'es' },
  standard: { name: 'Ben Carter', email: 'ben.carter@gc-example.com', company: 'gc', locale: 'en' },
  readOnly: { name: 'Chloé Martin', email: 'chloe.martin@gc-example.com', company: 'gc', locale: 'fr' },
  none: { name: 'Dev Patel', email: 'dev.patel@gc-example.com', company: 'gc', locale: 'en' },
  privateListMember: { name: 'Elena Novak', email: 'elena.novak@gc-example.com', company: 'gc', locale: 'en' },
  ownerContact: { name: 'María Gómez', email: 'maria.gomez@owner-example.com', company: 'owner', locale: 'es' },
  subcontractorContact: { name: 'Luc Bernard', email: 'luc.bernard@steel-example.com', company: 'sub', locale: 'fr' },
  outsider: { name: 'Olivia Outsider', email: 'olivia@elsewhere-example.com', company: 'other', locale: 'en' },
} as const;

export type DemoRole = keyof typeof demoPeople;

const companyNames = { gc: 'Summit Builders Inc.', owner: 'Harbor Point Holdings LLC', sub: 'Steelworks Fabricators', other: 'Elsewhere Co.' };

/** Creates the demo companies and users once; returns their ids by role. */
export async function ensureDemoPeople(db: Db) {
  const emails = Object.values(demoPeople).map((p) => p.email);
  const existing = await db.select().from(users).where(inArray(users.email, emails));
  const companyIds: Record<string, string> = {};
  if (existing.length === 0) {
    for (const [key, name] of Object.entries(companyNames)) {
      companyIds[key] = newId('co');
      await db.insert(companies).values({ id: companyIds[key]!, name });
    }
    for (const p of Object.values(demoPeople)) {
      await db.insert(users).values({ id: newId('usr'), companyId: companyIds[p.company]!, email: p.email, name: p.name, locale: p.locale });
    }
  }
  const rows = await db.select().from(users).where(inArray(users.email, emails));
  const byEmail = new Map(rows.map((u) => [u.email, u]));
  const ids = Object.fromEntries(Object.entries(demoPeople).map(([role, p]) => [role, byEmail.get(p.email)!.id])) as Record<DemoRole, string>;
  const owner = byEmail.get(demoPeople.ownerContact.email)!;
  const gc = byEmail.get(demoPeople.admin.email)!;
  return { ids, ownerCompanyId: owner.companyId, gcCompanyId: gc.companyId, subCompanyId: byEmail.get(demoPeople.subcontractorContact.email)!.companyId };
}

/** Issues a fresh API token per demo user (only hashes are stored, so old ones cannot be shown again). */
export async function issueDemoTokens(db: Db, ids: Record<DemoRole, string>) {
  const tokens = {} as Record<DemoRole, string>;
  for (const [role, userId] of Object.entries(ids) as Array<[DemoRole, string]>) {
    const token = newSecret(`pb_demo_${role}_`);
    await db.insert(apiTokens).values({ id: newId('tok'), userId, tokenHash: await sha256Hex(token), label: 'demo (npm start)' });
    tokens[role] = token;
  }
  return tokens;
}
