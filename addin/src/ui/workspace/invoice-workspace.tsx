import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ApiClient, MeResponse } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import { visibleTabs } from '../tabs/tab-registry';
import type { TabContext } from '../tabs/tab-types';
import { ChangeOrderNotice } from './change-order-notice';
import { ErrorBar } from '../error-bar';
import { errorText } from './error-text';
import { LockBanner, lockReason } from './lock-banner';
import { StatusActions } from './status-actions';
import { StatusBadge } from './status-badge';
import { StatusLine } from './status-line';
import type { FirstInvoice } from './first-invoice';
import type { InvoicePlace } from '../nav/invoice-crumbs';
import { useInvoiceSession } from './use-invoice-session';
import { paneScroll } from '../pane-scroll';
import { KindBadge } from '../release/kind-badge';
import { ReleaseBar } from '../release/release-bar';
import { isReleaseInvoice } from '../release/release-figures';
import { DeadlineBars } from '../deadlines/deadline-bars';
import { LazyPart } from '../lazy/lazy-part';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  scroll: paneScroll(tokens.spacingVerticalS),
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  sub: { color: tokens.colorNeutralForeground3 },
  due: { fontVariantNumeric: 'tabular-nums' },
  tabBody: { paddingTop: tokens.spacingVerticalS },
  // six tabs do not fit a narrow task pane: let them wrap instead of being cut off
  tabs: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});

type Props = {
  api: ApiClient;
  me: MeResponse;
  invoiceId: string;
  /** the pane's early read of the first invoice it opens (first-invoice.ts) */
  firstInvoice?: FirstInvoice | null;
  onOpenInvoice: (invoiceId: string) => void;
  onClose: () => void;
  /** told once the invoice is loaded: where it belongs (the pane's breadcrumb and way back) */
  onLoaded?: (place: InvoicePlace) => void;
};

/** The open invoice: header, lock reason, change-order notice, status actions, tabs, status line. */
export function InvoiceWorkspace({ api, me, invoiceId, firstInvoice, onOpenInvoice, onClose, onLoaded }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const state = useInvoiceSession(api, me, invoiceId, firstInvoice ?? null);
  const { view, contract, contractError, status, openError, workbook, session } = state;
  const [tabId, setTabId] = useState('schedule');
  const [isRefreshing, setRefreshing] = useState(false);
  const [isDetailsOpen, setDetailsOpen] = useState(false);
  const loadedInvoice = view?.invoice;
  useEffect(() => {
    if (view && loadedInvoice) {
      const { projectId, contractId, number } = loadedInvoice;
      onLoaded?.({ projectId, contractId, number, contractNumber: view.contract.number, contractTitle: view.contract.title });
    }
    // tell once per invoice, not on every new view of it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedInvoice?.id]);

  /** "Invoice #3 is the editable one": jump there (the contract's list maps the number to its id). */
  async function openByNumber(invoiceNumber: number) {
    const { invoices } = await api.listInvoices(view!.invoice.contractId);
    const target = invoices.find((i) => i.number === invoiceNumber);
    if (target) onOpenInvoice(target.id);
  }

  async function refresh() {
    setRefreshing(true);
    try {
      await state.refresh();
    } finally {
      setRefreshing(false);
    }
  }

  if (openError) {
    return (
      <div className={styles.scroll}>
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{errorText(openError, t)}</MessageBarBody>
        </MessageBar>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          {t('picker.change')}
        </Button>
      </div>
    );
  }
  if (!view)
    return (
      <div className={styles.scroll}>
        <Spinner size="small" label={t('sync.opening')} />
      </div>
    );

  const ctx: TabContext = { api, view, contract, me, i18n, workbook, refresh: state.refresh, setView: state.setView };
  const tabs = visibleTabs(ctx);
  const active = tabs.find((x) => x.id === tabId) ?? tabs[0];
  const inv = view.invoice;

  return (
    <div className={styles.root} data-testid="invoice-workspace" data-invoice-id={inv.id}>
      <div className={styles.scroll}>
        <div className={styles.head}>
          <div className={styles.title}>
            <Text weight="semibold" size={400}>
              {t('picker.invoiceNo', { number: inv.number })} <StatusBadge status={inv.status} /> <KindBadge kind={inv.kind} />
            </Text>
            <Text size={200} className={styles.sub}>{`#${view.contract.number} ${view.contract.title}`}</Text>
            <Text size={200} className={styles.sub}>
              {t('picker.period', { start: i18n.date(inv.billingPeriod.start), end: i18n.date(inv.billingPeriod.end) })}
            </Text>
            <Text size={200} className={styles.due}>
              {t('picker.amountDue')}: <strong data-testid="amount-due">{i18n.money(view.g702.line8CurrentPaymentDueCents)}</strong>
            </Text>
          </div>
          <Button
            size="small"
            appearance="subtle"
            icon={isRefreshing ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
            onClick={refresh}
            disabled={isRefreshing}
            title={t('schedule.refresh')}
          >
            {t('schedule.refresh')}
          </Button>
          <Button size="small" appearance="subtle" icon={<ArrowLeftRegular />} onClick={onClose} title={t('picker.change')} aria-label={t('picker.change')} />
        </div>
        {/* the contract's read failed: its actions are not offered (not because the user is read-only) */}
        <ErrorBar message={contractError ? errorText(contractError, t) : null} />
        <LockBanner view={view} onOpenEditable={(n) => void openByNumber(n)} />
        <ChangeOrderNotice api={api} view={view} isAdmin={contract?.myAccess?.isToolAdmin === true} onAdded={state.setView} />
        {isReleaseInvoice(view) && <ReleaseBar api={api} view={view} hasUnsavedEdits={(status?.pendingCount ?? 0) > 0} onReleased={state.refresh} />}
        <DeadlineBars deadlines={view.deadlines} testId="invoice-deadlines" />
        <StatusActions api={api} view={view} access={contract?.myAccess} hasUnsavedEdits={(status?.pendingCount ?? 0) > 0} onChanged={state.setView} />
        <TabList className={styles.tabs} size="small" selectedValue={active?.id} onTabSelect={(_, d) => setTabId(String(d.value))}>
          {tabs.map((tab) => (
            <Tab key={tab.id} value={tab.id} data-testid={`tab-${tab.id}`}>
              {tab.label(i18n)}
            </Tab>
          ))}
        </TabList>
        <div className={styles.tabBody} role="tabpanel">
          {/* tabs other than the schedule load on first show; keyed so a failed one does not stick to the next */}
          <LazyPart key={active?.id}>{active?.render(ctx)}</LazyPart>
        </div>
      </div>
      <StatusLine
        status={status}
        readOnlyText={lockReason(view, i18n)}
        expanded={isDetailsOpen}
        onToggle={() => setDetailsOpen((x) => !x)}
        onRetry={session ? () => void session.flush() : undefined}
        onDismissConflicts={session && status?.conflicts.length ? () => void session.dismissConflicts() : undefined}
      />
    </div>
  );
}
