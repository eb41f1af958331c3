import type { ServiceCtx } from '../../context';
import { visibleContracts } from '../access/visible-contracts';
import { contractView, readerOf } from './contract-view';
import { loadContractExtras } from './load-contract-extras';

/** The project's contracts this user may see (others are simply absent). */
export async function listContracts({ ctx, input }: { ctx: ServiceCtx; input: { projectId: string } }) {
  const visible = await visibleContracts(ctx, input.projectId);
  const extras = await loadContractExtras(
    ctx,
    visible.map((a) => a.contract.id),
  );
  const reader = readerOf(ctx);
  return { contracts: visible.map((a) => contractView(a.contract, extras.get(a.contract.id)!, reader, a)) };
}
