import { lazyNamed } from '../lazy/lazy-part';
import { tabLabels } from '../tabs/tab-labels';
import type { TabDefinition } from '../tabs/tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const GeneralInfoPanel = lazyNamed(() => import('./general-info-panel'), 'GeneralInfoPanel');

export const generalInfoTab: TabDefinition = {
  id: 'general-info',
  order: 12,
  label: (i18n) => tabLabels(i18n.lang).generalInfo,
  render: (ctx) => <GeneralInfoPanel {...ctx} />,
};
