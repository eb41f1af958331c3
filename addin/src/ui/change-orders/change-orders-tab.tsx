import type { ContractTabDefinition } from '../contract/contract-tab-types';
import { ChangeOrdersPanel } from './change-orders-panel';
import { changeOrderLabels } from './labels';

/** The contract's change orders (everyone who sees the contract sees them; admins create and approve). */
export const changeOrdersTab: ContractTabDefinition = {
  id: 'change-orders',
  label: (i18n) => changeOrderLabels(i18n.lang).tab,
  order: 40,
  render: (ctx) => <ChangeOrdersPanel key={ctx.contract.id} api={ctx.api} contract={ctx.contract} onContractChanged={() => void ctx.reloadContract()} />,
};
