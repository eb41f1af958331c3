import type { ServiceCtx } from '../../context';
import { jobView, loadParts } from './job-view';
import { loadVisibleJob } from './load-job';

export async function getInvoiceBackup({ ctx, input }: { ctx: ServiceCtx; input: { jobId: string } }) {
  const job = await loadVisibleJob(ctx, input.jobId);
  return jobView(job, await loadParts(ctx, job.id));
}
