import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const SendBatchesPanel = lazyNamed(() => import('./send-batches-panel'), 'SendBatchesPanel');

export const sendBatchesTab: TabDefinition = {
  id: 'send-batches',
  order: 60,
  label: (i18n) => tabLabels(i18n.lang).sendBatches,
  isVisible: (ctx) => ctx.view.contract.kind === 'prime' && ctx.contract?.myAccess?.isToolAdmin === true,
  render: (ctx) => <SendBatchesPanel key={ctx.view.invoice.projectId} ctx={ctx} />,
};
