import { Button, Checkbox, Dropdown, Field, Option, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listProjectInvoices } from '@shared/api/routes/invoices';
import { listBillingPeriods } from '@shared/api/routes/projects';
import type { TProjectInvoiceList } from '@shared/api/invoice-views';
import type { TBillingPeriodView } from '@shared/api/project-views';
import type { ApiClient } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { StatusActions } from '../workspace/status-actions';
import { StatusBadge } from '../workspace/status-badge';
import { CompileBackups } from './compile-backups';
import { billingLabels } from './labels';
import { defaultPeriodId } from './period-choice';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  line: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  money: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Kind = 'all' | 'prime' | 'commitment';
type Row = TProjectInvoiceList['invoices'][number];

/**
 * A billing period's invoices across the contracts the user may see (Procore's Billing tool, Owner
 * and Subcontractor tabs): tick some, review and approve subcontractor invoices, compile their backups.
 */
export function PeriodInvoices({ api, projectId, onOpenInvoice }: { api: ApiClient; projectId: string; onOpenInvoice?: (invoiceId: string) => void }) {
  const i18n = useI18n();
  const L = useLabels(billingLabels);
  const styles = useStyles();
  const [periods, setPeriods] = useState<TBillingPeriodView[] | null>(null);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('all');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.call(listBillingPeriods, { param: { id: projectId } }).then(
      ({ billingPeriods }) => {
        setPeriods(billingPeriods);
        setPeriodId((current) => current ?? defaultPeriodId(billingPeriods, new Date().toISOString().slice(0, 10)));
      },
      (err: unknown) => setError(L.loadFailed(errorText(err, i18n.t))),
    );
  }, [api, projectId, L, i18n.t]);

  const load = useCallback(async () => {
    if (!periodId) return;
    try {
      const query = { billingPeriodId: periodId, ...(kind === 'all' ? {} : { kind }) };
      const { invoices } = await api.call(listProjectInvoices, { param: { id: projectId }, query });
      setRows(invoices);
      // ticks survive a reload for the invoices still listed
      setChecked((c) => new Set(invoices.filter((i) => c.has(i.id)).map((i) => i.id)));
      setError(null);
    } catch (err) {
      setError(L.loadFailed(errorText(err, i18n.t)));
    }
  }, [api, projectId, periodId, kind, L, i18n.t]);

  useEffect(() => {
    setRows(null);
    void load();
  }, [load]);

  const checkedInOrder = useMemo(() => (rows ?? []).filter((r) => checked.has(r.id)).map((r) => r.id), [rows, checked]);
  const period = periods?.find((p) => p.id === periodId);
  const periodText = (p: TBillingPeriodView) => L.periodRange(i18n.date(p.start), i18n.date(p.end));
  const allState = rows && rows.length > 0 && checked.size === rows.length ? true : checked.size > 0 ? 'mixed' : false;
  const toggle = (id: string, on: boolean) =>
    setChecked((c) => {
      const n = new Set(c);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  if (periods && periods.length === 0) return <Text className={styles.sub}>{L.noPeriods}</Text>;

  return (
    <div className={styles.col} data-testid="period-invoices">
      <Field label={L.period}>
        <Dropdown
          size="small"
          placeholder={L.choosePeriod}
          value={period ? periodText(period) : ''}
          selectedOptions={periodId ? [periodId] : []}
          onOptionSelect={(_, d) => d.optionValue && setPeriodId(d.optionValue)}
          data-testid="period-select"
        >
          {(periods ?? []).map((p) => (
            <Option key={p.id} value={p.id} text={periodText(p)}>
              {periodText(p)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <TabList size="small" selectedValue={kind} onTabSelect={(_, d) => setKind(d.value as Kind)}>
        {(['all', 'prime', 'commitment'] as const).map((k) => (
          <Tab key={k} value={k} data-testid={`invoice-kind-${k}`}>
            {L.kind[k]}
          </Tab>
        ))}
      </TabList>
      <ErrorBar message={error} />
      {!rows ? (
        periodId && <Spinner size="tiny" />
      ) : rows.length === 0 ? (
        <Text className={styles.sub}>{L.none}</Text>
      ) : (
        <>
          <Checkbox
            checked={allState}
            label={`${L.selectAll} · ${L.selected(checked.size)}`}
            onChange={(_, d) => setChecked(d.checked === true ? new Set(rows.map((r) => r.id)) : new Set())}
            data-testid="invoice-select-all"
          />
          {rows.map((r) => (
            <div key={r.id} className={styles.row} data-testid="period-invoice" data-invoice-id={r.id} data-status={r.status}>
              <Checkbox
                checked={checked.has(r.id)}
                onChange={(_, d) => toggle(r.id, d.checked === true)}
                aria-label={`${L.invoice(r.number)} ${r.contract.title}`}
              />
              <div className={styles.body}>
                <div className={styles.line}>
                  <Text weight="semibold" className={styles.nowrap}>
                    {L.invoice(r.number)}
                  </Text>
                  <Text className={styles.grow} title={r.contract.title}>{`${L.kind[r.contract.kind]} #${r.contract.number} ${r.contract.title}`}</Text>
                  {onOpenInvoice && (
                    <Button size="small" appearance="subtle" icon={<OpenRegular />} title={L.open} aria-label={L.open} onClick={() => onOpenInvoice(r.id)} />
                  )}
                </div>
                <div className={styles.line}>
                  <StatusBadge status={r.status} />
                  <Text size={200} className={styles.grow}>
                    {r.currentPaymentDueCents === null ? (
                      <span className={styles.sub}>{L.notFrozen}</span>
                    ) : (
                      `${L.amountDue}: ${i18n.money(r.currentPaymentDueCents)}`
                    )}
                  </Text>
                </div>
                <StatusActions
                  api={api}
                  view={{ invoice: r, contract: r.contract }}
                  access={r.myAccess}
                  hasUnsavedEdits={false}
                  onChanged={() => void load()}
                />
              </div>
            </div>
          ))}
        </>
      )}
      {/* the server requires admin on the tool of every invoice (worker/src/services/backups/create-invoice-backup.ts); the button says so before it is pressed */}
      <CompileBackups
        api={api}
        projectId={projectId}
        invoiceIds={checkedInOrder}
        isAllowed={(rows ?? []).every((r) => !checked.has(r.id) || r.myAccess.isToolAdmin)}
      />
    </div>
  );
}
