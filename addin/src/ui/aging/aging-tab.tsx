// The project's Aging tab: open balances per contract in the buckets of shared/payments/clock.ts on
// a chosen date (GET /projects/{id}/aging), retainage held shown apart, and "Write aging sheet",
// which puts the same figures into the workbook (excel/aging-sheet.ts: the one place that calls Excel).
import { Button, Divider, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import type { TAging } from '@shared/api/payments';
import { getProjectAging } from '@shared/api/routes/payments';
import { agingBuckets } from '@shared/payments/clock';
import { useState } from 'react';
import { agingSheetLabels } from '../../excel/aging-labels';
import { AgingSheetTakenError, writeAgingSheet } from '../../excel/aging-sheet';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { localToday } from '../payments/payment-form';
import type { ProjectTabContext, ProjectTabDefinition } from '../project/project-tab-types';
import { useLoad } from '../use-load';
import { errorText } from '../workspace/error-text';
import { agingLabels } from './labels';

type Kind = TAging['kind'];
type Figures = Pick<TAging['totals'], 'buckets' | 'totalOpenCents' | 'retainageHeldCents'>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // one control per row: side by side, Fluent's date input and select overflow a 340 px pane
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  total: { backgroundColor: tokens.colorNeutralBackground2 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalM },
  value: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  zero: { color: tokens.colorNeutralForeground4 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

/** The five buckets, the total, then the retainage held apart (below a rule, never added in). */
function BucketGrid({ figures, testId }: { figures: Figures; testId: string }) {
  const styles = useStyles();
  const S = useLabels(agingSheetLabels);
  const L = useLabels(agingLabels);
  const { money } = useI18n();
  return (
    <>
      <div className={styles.grid} data-testid={testId}>
        {agingBuckets.map((b) => (
          <div key={b} style={{ display: 'contents' }} data-bucket={b} data-cents={figures.buckets[b]}>
            <Text className={figures.buckets[b] ? undefined : styles.zero}>{S.bucket[b]}</Text>
            <Text className={`${styles.value} ${figures.buckets[b] ? '' : styles.zero}`}>{money(figures.buckets[b])}</Text>
          </div>
        ))}
        <Text className={styles.strong}>{L.totalOpen}</Text>
        <Text className={`${styles.value} ${styles.strong}`} data-testid={`${testId}-total`}>
          {money(figures.totalOpenCents)}
        </Text>
      </div>
      <Divider />
      <Text size={200} data-testid={`${testId}-retainage`} data-cents={figures.retainageHeldCents}>
        {L.retainageApart(money(figures.retainageHeldCents))}
      </Text>
    </>
  );
}

function AgingPanel({ ctx }: { ctx: ProjectTabContext }) {
  const L = useLabels(agingLabels);
  const styles = useStyles();
  const { i18n, project } = ctx;
  const kinds = (['prime', 'commitment'] as const).filter(
    (k) => (k === 'prime' ? project.permissions.primeContracts : project.permissions.commitments) !== 'none',
  );
  const [asOf, setAsOf] = useState(localToday());
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'prime');
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const aging = useLoad<TAging>(isDate ? `${project.id}|${asOf}|${kind}` : null, () =>
    ctx.api.call(getProjectAging, { param: { id: project.id }, query: { asOf, kind } }),
  );

  async function write(report: TAging) {
    setBusy(true);
    setError(null);
    setWritten(null);
    try {
      const result = await writeAgingSheet(report, project.name, i18n.lang);
      setWritten(L.written(result.sheetName, result.contracts));
    } catch (err) {
      setError(err instanceof AgingSheetTakenError ? L.sheetTaken(err.sheetName) : L.writeFailed(errorText(err, i18n.t)));
    } finally {
      setBusy(false);
    }
  }

  const data = aging.data;
  return (
    <div className={styles.root} data-testid="aging-panel">
      <div className={styles.controls}>
        <Field label={L.asOf}>
          <Input
            type="date"
            name="agingAsOf"
            value={asOf}
            onChange={(_, d) => {
              setAsOf(d.value);
              setWritten(null);
            }}
          />
        </Field>
        {kinds.length > 1 && (
          <Field label={L.kind}>
            <Select
              name="agingKind"
              value={kind}
              onChange={(_, d) => {
                setKind(d.value as Kind);
                setWritten(null);
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {L.kinds[k]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Text size={200} className={styles.hint}>
        {L.intro}
      </Text>
      {aging.error && <ErrorBar message={L.loadFailed(aging.error)} />}
      {aging.isLoading && !data && <Spinner size="tiny" />}
      {data && (
        <>
          <div className={styles.actions}>
            <Button size="small" appearance="primary" icon={<TableRegular />} disabled={busy} onClick={() => void write(data)} data-testid="aging-write">
              {busy ? L.writing : L.write}
            </Button>
          </div>
          {written && (
            <MessageBar intent="success" layout="multiline" data-testid="aging-written">
              <MessageBarBody>{written}</MessageBarBody>
            </MessageBar>
          )}
          <ErrorBar message={error} />
          <div className={`${styles.card} ${styles.total}`} data-testid="aging-totals">
            <Text className={styles.name}>{L.totals}</Text>
            <BucketGrid figures={data.totals} testId="aging-totals-buckets" />
          </div>
          {data.rows.length === 0 && <Text className={styles.hint}>{L.none}</Text>}
          {data.rows.map((r) => (
            <div key={r.contractId} className={styles.card} data-testid="aging-row" data-contract-id={r.contractId}>
              <Text className={styles.name}>{agingSheetLabels(i18n.lang).contractNo(r.contractNumber, r.contractTitle)}</Text>
              {r.counterpartyName && (
                <Text size={200} className={styles.hint}>
                  {r.counterpartyName}
                </Text>
              )}
              <Text size={200} className={styles.hint}>
                {L.invoices(r.invoices.filter((v) => v.openCents > 0).length)}
              </Text>
              <BucketGrid figures={r} testId={`aging-buckets-${r.contractId}`} />
            </div>
          ))}
        </>
      )}
    </div>
  );
}

export const agingTab: ProjectTabDefinition = {
  id: 'aging',
  order: 40,
  label: (i18n) => agingLabels(i18n.lang).tab,
  isVisible: (ctx) => ctx.project.permissions.primeContracts !== 'none' || ctx.project.permissions.commitments !== 'none',
  render: (ctx) => <AgingPanel key={ctx.project.id} ctx={ctx} />,
};
