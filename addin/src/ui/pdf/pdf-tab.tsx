import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const PdfPanel = lazyNamed(() => import('./pdf-panel'), 'PdfPanel');

export const pdfTab: TabDefinition = {
  id: 'pdf',
  order: 45,
  label: (i18n) => tabLabels(i18n.lang).pdf,
  render: (ctx) => <PdfPanel key={ctx.view.invoice.id} ctx={ctx} />,
};
