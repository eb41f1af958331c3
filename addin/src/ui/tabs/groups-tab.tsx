import { lazyNamed } from '../lazy/lazy-part';
import type { TabDefinition } from './tab-types';

// The panel loads on first show (its own chunk): opening an invoice does not need it.
const GroupsPanel = lazyNamed(() => import('./groups-panel'), 'GroupsPanel');

export const groupsTab: TabDefinition = {
  id: 'groups',
  order: 20,
  label: ({ t }) => t('tab.groups'),
  render: (ctx) => <GroupsPanel {...ctx} />,
};
