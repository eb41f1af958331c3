import { lazyNamed } from '../lazy/lazy-part';
import type { TabDefinition } from './tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const HistoryPanel = lazyNamed(() => import('./history-panel'), 'HistoryPanel');

export const historyTab: TabDefinition = {
  id: 'history',
  order: 30,
  label: ({ t }) => t('tab.history'),
  render: (ctx) => <HistoryPanel key={ctx.view.invoice.id} {...ctx} />,
};
