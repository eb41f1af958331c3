import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const PaymentsPanel = lazyNamed(() => import('./payments-panel'), 'PaymentsPanel');

export const paymentsTab: TabDefinition = {
  id: 'payments',
  order: 46,
  label: (i18n) => tabLabels(i18n.lang).payments,
  // keyed by status too: an invoice approved meanwhile reloads (it now takes payments)
  render: (ctx) => <PaymentsPanel key={`${ctx.view.invoice.id}:${ctx.view.invoice.status}`} ctx={ctx} />,
};
