// The invoice pane's tabs. To add one (Emails, Send in bulk, PDF…), write a TabDefinition in its
// own file and add ONE line to `tabs` below; the tab bar, ordering and visibility follow from it.
// A tab other than the schedule keeps its panel in a separate module that its definition loads
// with lazyNamed (lazy/lazy-part.tsx): opening an invoice shows the schedule only, so the other
// panels stay out of the pane's first script.
import type { TabContext, TabDefinition } from './tab-types';
import { scheduleTab } from './schedule-tab';
import { groupsTab } from './groups-tab';
import { historyTab } from './history-tab';
import { sendBatchesTab } from '../send-batches/send-batches-tab';
import { emailsTab } from '../emails/emails-tab';
import { pdfTab } from '../pdf/pdf-tab';
import { attachmentsTab } from '../attachments/attachments-tab';
import { generalInfoTab } from '../general-info/general-info-tab';
import { waiversTab } from '../waivers/waivers-tab';
import { paymentsTab } from '../payments/payments-tab';

export const tabs: TabDefinition[] = [
  scheduleTab,
  generalInfoTab,
  groupsTab,
  historyTab,
  sendBatchesTab,
  emailsTab,
  pdfTab,
  attachmentsTab,
  waiversTab,
  paymentsTab,
];

export function visibleTabs(ctx: TabContext): TabDefinition[] {
  return tabs.filter((t) => t.isVisible?.(ctx) ?? true).sort((a, b) => a.order - b.order);
}

export type { TabContext, TabDefinition };
