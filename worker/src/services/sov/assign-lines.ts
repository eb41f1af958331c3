import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { idChunks } from '../../db/client';
import { sovLines } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { runBatch } from '../../lib/batch';
import { adminAccess, findGroup } from './group-access';

/** Assigns lines to a group (groupId null = ungroup). Unknown line ids are reported, nothing changes. */
export async function assignLines({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string; groupId: string | null; lineIds: string[] } }) {
  await adminAccess(ctx, input.contractId);
  if (input.groupId) await findGroup(ctx, input.contractId, input.groupId);
  const chunks = idChunks(input.lineIds);
  const found = (
    await Promise.all(
      chunks.map((ids) =>
        ctx.db
          .select({ id: sovLines.id })
          .from(sovLines)
          .where(and(eq(sovLines.contractId, input.contractId), inArray(sovLines.id, ids))),
      ),
    )
  ).flat();
  const known = new Set(found.map((r) => r.id));
  const missing = input.lineIds.filter((id) => !known.has(id));
  if (missing.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${missing.length} line(s) are not on this contract`,
      missing.map((id) => ({ lineId: id, field: 'lineIds', code: 'LINE_NOT_FOUND', message: `No line ${id} on this contract` })),
    );
  }
  await runBatch(
    ctx.env.DB,
    chunks.map((ids) => ctx.db.update(sovLines).set({ groupId: input.groupId }).where(inArray(sovLines.id, ids))),
  );
  return { groupId: input.groupId, lineCount: input.lineIds.length };
}
