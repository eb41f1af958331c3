// The contract screen's tabs. To add one (schedule of values, change orders, …), write a
// ContractTabDefinition in its own file and add ONE line to `contractTabs` below; the tab bar,
// ordering and visibility follow from it.
import type { ContractTabContext, ContractTabDefinition } from './contract-tab-types';
import { invoicesTab } from './invoices-tab';
import { setupTab } from './setup-tab';
import { changeOrdersTab } from '../change-orders/change-orders-tab';
import { sovTab } from '../sov/sov-tab';

export const contractTabs: ContractTabDefinition[] = [invoicesTab, setupTab, changeOrdersTab, sovTab];

export function visibleContractTabs(ctx: ContractTabContext): ContractTabDefinition[] {
  return contractTabs.filter((t) => t.isVisible?.(ctx) ?? true).sort((a, b) => a.order - b.order);
}

export type { ContractTabContext, ContractTabDefinition };
