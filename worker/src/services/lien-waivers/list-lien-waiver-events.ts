import { asc, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { lienWaiverEvents, users } from '../../db/schema';
import { loadWaiver } from './waiver-view';

type Action = 'created' | 'signed' | 'voided' | 'emailed' | 'received';

/** GET /lien-waivers/{id}/events: the audit trail, oldest first, for whoever may see the invoice. */
export async function listLienWaiverEvents({ ctx, input }: { ctx: ServiceCtx; input: { waiverId: string } }) {
  const { waiver } = await loadWaiver(ctx, input.waiverId);
  const rows = await ctx.db.select().from(lienWaiverEvents).where(eq(lienWaiverEvents.waiverId, waiver.id)).orderBy(asc(lienWaiverEvents.id));
  const ids = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
  const people = ids.length ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  return {
    waiverId: waiver.id,
    events: rows.map((r) => ({
      id: r.id,
      action: r.action as Action,
      at: r.createdAt,
      user: people.find((p) => p.id === r.userId) ?? null,
      detail: JSON.parse(r.detailJson) as Record<string, unknown>,
    })),
  };
}
