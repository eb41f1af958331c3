import { Button, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, MoneyHandRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { BillingPeriod, InvoiceListItem, InvoiceView } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import { errorText } from '../workspace/error-text';
import type { ContractTabContext } from './contract-tab-types';
import { contractLabels, type ContractLabels } from './labels';
import { releaseLabels } from '../release/labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  sub: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  top: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalXXS },
});

/**
 * Why the next invoice cannot be created now (the checks of worker/src/services/invoices/
 * create-invoice.ts, said before the user tries), or null.
 */
export function whyNoNextInvoice(
  contract: ContractTabContext['contract'],
  invoices: Pick<InvoiceListItem, 'number' | 'status'>[],
  L: ContractLabels,
): string | null {
  const canWrite = contract.myAccess.isToolAdmin || (contract.kind === 'commitment' && contract.myAccess.isInvoiceContact);
  if (!canWrite) return L.needsAdmin;
  if (contract.status !== 'approved' && contract.status !== 'complete') return L.notApproved;
  const latest = invoices.at(-1);
  if (latest && (latest.status === 'draft' || latest.status === 'revise_and_resubmit')) return L.latestOpen(latest.number);
  return null;
}

type Props = { ctx: ContractTabContext; invoices: InvoiceListItem[]; onCreated: (view: InvoiceView) => void };

/**
 * "Create next invoice": a billing period after the last invoice's, and whether to attach the
 * period's backup. "New retainage release invoice" opens the same form for a retainage-only
 * invoice (kind 'retainage_release'): its own period, no backup, it releases what is held.
 */
export function NewInvoiceForm({ ctx, invoices, onCreated }: Props) {
  const L = useLabels(contractLabels);
  const R = useLabels(releaseLabels);
  const styles = useStyles();
  const { i18n } = ctx;
  const [kind, setKind] = useState<'progress' | 'retainage_release' | null>(null);
  const isOpen = kind !== null;
  const setOpen = (open: boolean, next: 'progress' | 'retainage_release' = 'progress') => setKind(open ? next : null);
  const isRelease = kind === 'retainage_release';
  const [periodId, setPeriodId] = useState('');
  const [includeBackup, setIncludeBackup] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const periods = useLoad<BillingPeriod[]>(isOpen ? ctx.project.id : null, (id) => ctx.api.setup.billingPeriods(id));
  const blocked = whyNoNextInvoice(ctx.contract, invoices, L);
  // one invoice per period, each after the previous one's period (the server refuses the rest)
  const lastEnd = invoices.at(-1)?.billingPeriod.end ?? '';
  const open = (periods.data ?? []).filter((p) => p.start > lastEnd).sort((a, b) => a.start.localeCompare(b.start));
  const chosen = open.find((p) => p.id === periodId) ?? open[0] ?? null;

  async function create() {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const view = await ctx.api.setup.createInvoice(ctx.contract.id, {
        billingPeriodId: chosen.id,
        includeBackup: !isRelease && includeBackup,
        kind: kind ?? 'progress',
      });
      setOpen(false);
      setIncludeBackup(false);
      onCreated(view);
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  if (!isOpen)
    return (
      <div className={styles.top}>
        <Button
          size="small"
          appearance={blocked ? 'secondary' : 'primary'}
          icon={<AddRegular />}
          disabled={blocked !== null}
          onClick={() => setOpen(true)}
          data-testid="create-next-invoice"
        >
          {L.createNext}
        </Button>
        {invoices.length > 0 && (
          <Button
            size="small"
            appearance="secondary"
            icon={<MoneyHandRegular />}
            disabled={blocked !== null}
            onClick={() => setOpen(true, 'retainage_release')}
            data-testid="create-release-invoice"
          >
            {R.newRelease}
          </Button>
        )}
        {blocked && (
          <Text size={200} className={styles.sub} data-testid="create-next-blocked">
            {blocked}
          </Text>
        )}
      </div>
    );

  return (
    <form
      className={styles.form}
      data-testid="new-invoice-form"
      aria-label={isRelease ? R.newRelease : L.createNext}
      data-kind={kind}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Text weight="semibold">{isRelease ? R.newRelease : L.createNext}</Text>
      {isRelease && <Text size={200}>{R.releaseFormHint}</Text>}
      <ErrorBar message={periods.error} />
      {periods.data && open.length === 0 ? (
        <Text size={200}>{L.noFreePeriod}</Text>
      ) : (
        <Field label={L.billingPeriod}>
          <Select className={styles.select} name="invoicePeriod" value={chosen?.id ?? ''} disabled={!periods.data} onChange={(_, d) => setPeriodId(d.value)}>
            {open.map((p) => (
              <option key={p.id} value={p.id}>
                {L.period(i18n.date(p.start), i18n.date(p.end))}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!isRelease && (
        <Checkbox name="includeBackup" checked={includeBackup} onChange={(_, d) => setIncludeBackup(d.checked === true)} label={L.includeBackup} />
      )}
      <ErrorBar message={error} />
      <div className={styles.buttons}>
        <Button onClick={() => setOpen(false)}>{L.cancel}</Button>
        <Button appearance="primary" type="submit" disabled={busy || !chosen}>
          {busy ? L.creating : isRelease ? R.createRelease : L.createInvoice}
        </Button>
      </div>
    </form>
  );
}
