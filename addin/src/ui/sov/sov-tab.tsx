import type { ContractTabDefinition } from '../contract/contract-tab-types';
import { sovLabels } from './labels';
import { SovScreen } from './sov-screen';

export const sovTab: ContractTabDefinition = {
  id: 'sov',
  label: (i18n) => sovLabels(i18n.lang).tab,
  order: 15,
  render: (ctx) => <SovScreen ctx={ctx} />,
};
