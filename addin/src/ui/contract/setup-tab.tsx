import { ContractForm } from './contract-form';
import type { ContractTabDefinition } from './contract-tab-types';
import { contractLabels } from './labels';

/** The contract's terms, general information and lists; read-only for non-admins. */
export const setupTab: ContractTabDefinition = {
  id: 'setup',
  order: 90,
  label: (i18n) => contractLabels(i18n.lang).tabSetup,
  render: (ctx) => (
    <ContractForm
      key={ctx.contract.id}
      api={ctx.api}
      me={ctx.me}
      project={ctx.project}
      contract={ctx.contract}
      canEdit={ctx.isAdmin}
      onSaved={ctx.setContract}
    />
  ),
};
