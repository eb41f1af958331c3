import type { ServiceCtx } from '../../context';
import { loadContractAccess } from '../access/contract-access';
import { contractView, readerOf } from './contract-view';
import { loadContractExtras } from './load-contract-extras';

export async function getContract({ ctx, input }: { ctx: ServiceCtx; input: { contractId: string } }) {
  const access = await loadContractAccess(ctx, input.contractId);
  const extras = await loadContractExtras(ctx, [access.contract.id]);
  return contractView(access.contract, extras.get(access.contract.id)!, readerOf(ctx), access);
}
