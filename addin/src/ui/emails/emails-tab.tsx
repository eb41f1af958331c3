import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const EmailsPanel = lazyNamed(() => import('./emails-panel'), 'EmailsPanel');

export const emailsTab: TabDefinition = {
  id: 'emails',
  order: 50,
  label: (i18n) => tabLabels(i18n.lang).emails,
  render: (ctx) => <EmailsPanel key={ctx.view.invoice.id} ctx={ctx} />,
};
