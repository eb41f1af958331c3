import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiClient, MeResponse, Project } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ContractForm } from '../contract/contract-form';
import { contractLabels } from '../contract/labels';
import { ScreenTabs } from '../nav/screen-tabs';
import type { BoundInvoice } from '../workspace/workbook-invoices';
import { projectLabels } from './labels';
import { NewProjectForm } from './new-project-form';
import { visibleProjectTabs } from './project-tabs';
import type { ProjectTabContext } from './project-tab-types';
import { paneScroll } from '../pane-scroll';

const useStyles = makeStyles({
  scroll: paneScroll(tokens.spacingVerticalM),
  pick: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  // long project names must not widen the pane: the native select shrinks and ellipsises
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  bound: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  api: ApiClient;
  me: MeResponse;
  projectId: string | null;
  onProjectChange: (projectId: string | null) => void;
  /** a project was created: the signed-in user's project list must be read again */
  onProjectCreated: (project: Project) => void;
  /** a project's settings were saved: the signed-in user's copy of it is replaced */
  onProjectChanged: (project: Project) => void;
  /** invoices this workbook already holds: one click reopens them */
  inWorkbook: BoundInvoice[];
  openContract: (contractId: string) => void;
  openInvoice: (invoiceId: string) => void;
  initialTab?: string;
};

/** The first screen after sign-in: choose or create a project, then its tabs (contracts, billing periods, …). */
export function ProjectScreen(props: Props) {
  const { api, me, projectId } = props;
  const i18n = useI18n();
  const L = useLabels(projectLabels);
  const styles = useStyles();
  const C = useLabels(contractLabels);
  const [isCreating, setCreating] = useState(me.projects.length === 0);
  const [isNewContract, setNewContract] = useState(false);
  const [tabId, setTabId] = useState(props.initialTab ?? 'contracts');
  const project = me.projects.find((p) => p.id === projectId) ?? null;

  const ctx: ProjectTabContext | null = project && {
    api,
    me,
    project,
    i18n,
    isAdmin: project.permissions.primeContracts === 'admin' || project.permissions.commitments === 'admin',
    openContract: props.openContract,
    openInvoice: props.openInvoice,
    newContract: () => setNewContract(true),
    projectChanged: props.onProjectChanged,
  };
  const tabs = ctx ? visibleProjectTabs(ctx) : [];
  const active = tabs.find((x) => x.id === tabId) ?? tabs[0];

  return (
    <div className={styles.scroll} data-testid="project-screen" data-project-id={project?.id ?? ''}>
      {props.inWorkbook.length > 0 && (
        <div className={styles.bound} role="group" aria-label={L.inWorkbook}>
          <Text size={200} className={styles.label}>
            {L.inWorkbook}
          </Text>
          {props.inWorkbook.map((b) => (
            <Button key={b.invoiceId} size="small" appearance="secondary" onClick={() => props.openInvoice(b.invoiceId)}>
              {L.reopen(b.invoiceNumber, b.g703Sheet)}
            </Button>
          ))}
        </div>
      )}
      {me.projects.length === 0 && <Text>{L.noProjects}</Text>}
      {me.projects.length > 0 && (
        <div className={styles.pick}>
          <Field label={L.project} className={styles.grow}>
            <Select className={styles.select} name="project" value={projectId ?? ''} onChange={(_, d) => props.onProjectChange(d.value || null)}>
              <option value="">{L.choose}</option>
              {me.projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.number ? `${p.number} · ${p.name}` : p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button icon={<AddRegular />} onClick={() => setCreating(true)} title={L.newProject} aria-label={L.newProject} data-testid="new-project" />
        </div>
      )}
      {isCreating && (
        <NewProjectForm
          api={api}
          onCancel={me.projects.length > 0 ? () => setCreating(false) : undefined}
          onCreated={(p) => {
            setCreating(false);
            props.onProjectCreated(p);
          }}
        />
      )}
      {ctx && !isCreating && isNewContract && (
        <>
          <Text weight="semibold" size={400}>
            {C.newContract}
          </Text>
          <ContractForm
            api={api}
            me={me}
            project={ctx.project}
            contract={null}
            canEdit={ctx.isAdmin}
            onCancel={() => setNewContract(false)}
            onSaved={(c) => props.openContract(c.id)}
          />
        </>
      )}
      {ctx && !isCreating && !isNewContract && (
        <ScreenTabs tabs={tabs.map((t) => ({ id: t.id, label: t.label(i18n) }))} selected={active?.id} onSelect={setTabId} testIdPrefix="project-tab">
          {active?.render(ctx)}
        </ScreenTabs>
      )}
    </div>
  );
}
