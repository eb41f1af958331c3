import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient, Contract, MeResponse } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { PaneBreadcrumb } from '../nav/pane-breadcrumb';
import { ScreenTabs } from '../nav/screen-tabs';
import { projectLabels } from '../project/labels';
import { useLoad } from '../use-load';
import { ContractStatusBadge } from './contract-status-badge';
import { visibleContractTabs } from './contract-tabs';
import type { ContractTabContext } from './contract-tab-types';
import { contractLabels } from './labels';
import { paneScroll } from '../pane-scroll';
import { ShortfallBars } from '../waivers/shortfall-bars';
import { DeadlineBars } from '../deadlines/deadline-bars';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  scroll: paneScroll(tokens.spacingVerticalS),
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3 },
  money: { fontVariantNumeric: 'tabular-nums' },
});

type Props = {
  api: ApiClient;
  me: MeResponse;
  contractId: string;
  openProject: (projectId: string | null) => void;
  openInvoice: (invoiceId: string, contractId: string) => void;
  /** the tab to show first (a way back from an invoice lands on its list) */
  initialTab?: string;
};

/** One contract: what it is, where it stands, and its tabs (invoices, setup, and the others' tabs). */
export function ContractScreen({ api, me, contractId, openProject, openInvoice, initialTab }: Props) {
  const i18n = useI18n();
  const L = useLabels(contractLabels);
  const P = useLabels(projectLabels);
  const styles = useStyles();
  const loaded = useLoad<Contract>(contractId, (id) => api.setup.getContract(id));
  // a contract a tab changed (PATCH, approve) replaces the loaded one until the next load
  const [changed, setChanged] = useState<Contract | null>(null);
  const [tabId, setTabId] = useState<string | null>(initialTab ?? null);
  const contract = changed?.id === contractId && changed.myAccess ? changed : loaded.data;
  const project = contract ? me.projects.find((p) => p.id === contract.projectId) : undefined;
  // first tab: a draft is still being set up (its schedule of values), an approved contract is
  // billed; chosen once, so approving on the SOV tab does not move the user away from it
  const firstStatus = contract?.status;
  useEffect(() => {
    if (tabId === null && firstStatus) setTabId(firstStatus === 'draft' ? 'sov' : 'invoices');
  }, [tabId, firstStatus]);

  if (loaded.error)
    return (
      <div className={styles.scroll}>
        <PaneBreadcrumb crumbs={[{ label: P.projects, onClick: () => openProject(null) }]} />
        <ErrorBar message={loaded.error} />
      </div>
    );
  if (!contract || !project || !contract.myAccess)
    return (
      <div className={styles.scroll}>
        <Spinner size="small" />
      </div>
    );

  const myAccess = contract.myAccess;
  const ctx: ContractTabContext = {
    api,
    me,
    project,
    contract: { ...contract, myAccess },
    i18n,
    isAdmin: myAccess.isToolAdmin,
    reloadContract: async () => {
      const next = await api.setup.getContract(contract.id);
      setChanged(next);
    },
    setContract: (next) => setChanged(next.myAccess ? next : { ...next, myAccess }),
    openInvoice: (invoiceId) => openInvoice(invoiceId, contract.id),
    openProject: () => openProject(project.id),
  };
  const tabs = visibleContractTabs(ctx);
  const active = tabs.find((x) => x.id === tabId) ?? tabs[0];

  return (
    <div className={styles.root} data-testid="contract-screen" data-contract-id={contract.id} data-status={contract.status}>
      <PaneBreadcrumb crumbs={[{ label: project.name, onClick: () => openProject(project.id) }, { label: L.contractNo(contract.number, contract.title) }]} />
      <div className={styles.scroll}>
        <div className={styles.head}>
          <div className={styles.titleRow}>
            <Text weight="semibold" size={400} className={styles.title}>
              {L.contractNo(contract.number, contract.title)}
            </Text>
            <ContractStatusBadge status={contract.status} />
          </div>
          <Text size={200} className={styles.sub}>{`${L.kind[contract.kind]} · ${L.method[contract.accountingMethod]} · ${P.lines(contract.lineCount)}`}</Text>
          <Text size={200} className={styles.money}>
            {`${L.revisedSum}: `}
            <strong data-testid="contract-revised-sum">{i18n.money(contract.revisedContractSumCents)}</strong>
          </Text>
        </div>
        <DeadlineBars deadlines={contract.deadlines} testId="contract-deadlines" />
        {contract.kind === 'commitment' && <ShortfallBars api={api} projectId={project.id} contractId={contract.id} openInvoice={ctx.openInvoice} />}
        <ScreenTabs tabs={tabs.map((t) => ({ id: t.id, label: t.label(i18n) }))} selected={active?.id} onSelect={setTabId} testIdPrefix="contract-tab">
          {active?.render(ctx)}
        </ScreenTabs>
      </div>
    </div>
  );
}
