// The project screen's tabs. To add one (project invoices, …), write a ProjectTabDefinition in its
// own file and add ONE line to `projectTabs` below; the tab bar, ordering and visibility follow from it.
import type { ProjectTabContext, ProjectTabDefinition } from './project-tab-types';
import { contractsTab } from './contracts-tab';
import { periodsTab } from './periods-tab';
import { projectInvoicesTab } from '../billing/invoices-tab';
import { projectSettingsTab } from '../project-settings/settings-tab';
import { agingTab } from '../aging/aging-tab';

export const projectTabs: ProjectTabDefinition[] = [contractsTab, periodsTab, projectInvoicesTab, projectSettingsTab, agingTab];

export function visibleProjectTabs(ctx: ProjectTabContext): ProjectTabDefinition[] {
  return projectTabs.filter((t) => t.isVisible?.(ctx) ?? true).sort((a, b) => a.order - b.order);
}

export type { ProjectTabContext, ProjectTabDefinition };
