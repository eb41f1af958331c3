import type { ServiceCtx } from '../../context';
import { LINK_TTL_SECONDS, signPath } from '../pdf/signed-links';
import { loadVisibleJob } from './load-job';

/** A short-lived link to download a part without an Authorization header (new window, Office dialog). */
export async function createBackupLink({ ctx, input }: { ctx: ServiceCtx; input: { jobId: string; partNo: number; origin: string } }) {
  const job = await loadVisibleJob(ctx, input.jobId);
  const path = `/api/v1/invoice-backups/${job.id}/download`;
  const s = await signPath(ctx.env, path, ctx.user.id);
  const q = new URLSearchParams({ part: String(input.partNo), uid: s.uid, exp: s.exp, sig: s.sig });
  return { url: `${input.origin}${path}?${q}`, expiresAt: s.expiresAt, lifetimeSeconds: LINK_TTL_SECONDS };
}
