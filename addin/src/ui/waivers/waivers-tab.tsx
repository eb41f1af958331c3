import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const WaiversPanel = lazyNamed(() => import('./waivers-panel'), 'WaiversPanel');

export const waiversTab: TabDefinition = {
  id: 'waivers',
  order: 47,
  label: (i18n) => tabLabels(i18n.lang).waivers,
  render: (ctx) => <WaiversPanel key={ctx.view.invoice.id} ctx={ctx} />,
};
