import type { directCosts } from '../../db/schema';

export function directCostView(d: typeof directCosts.$inferSelect) {
  return {
    id: d.id,
    projectId: d.projectId,
    contractId: d.contractId,
    costCode: d.costCode,
    amountCents: d.amountCents,
    incurredOn: d.incurredOn,
    vendor: d.vendor,
    description: d.description,
    receiptAttachmentId: d.receiptAttachmentId,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
  };
}
