import type { TEditLines } from '@shared/api/invoices';
import { requireToolAdmin } from '../access/contract-access';
import type { InvoiceState } from './invoice-state';

/** Cells that change the contract's retainage terms or pay out what is held (docs/security-rules.md "Retainage"). */
const ADMIN_ONLY_FIELDS = ['workRetainageBpsOverride', 'storedRetainageBpsOverride', 'retainageReleased'] as const;

/**
 * A commitment's invoice contact (the subcontractor) may fill in its own invoice, but the
 * retainage rates are terms of the contract the GC signed and the release of held retainage is the
 * GC's decision: only an admin of the contract's tool may send these cells. Checked before
 * anything is parsed, so a refused request writes nothing.
 */
export function requireRetainageTermsAdmin(state: InvoiceState, body: TEditLines): void {
  if (state.access.isToolAdmin) return;
  const fields = new Set<string>();
  for (const edit of body.edits) for (const f of ADMIN_ONLY_FIELDS) if ((edit as Record<string, unknown>)[f] !== undefined) fields.add(f);
  if (!fields.size) return;
  requireToolAdmin(state.access, `Changing retainage (${[...fields].join(', ')})`);
}
