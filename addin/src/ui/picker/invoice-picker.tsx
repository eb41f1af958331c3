import { Badge, Button, Card, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient, Contract, InvoiceListItem, Project } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import { StatusBadge } from '../workspace/status-badge';
import type { BoundInvoice } from '../workspace/workbook-invoices';
import { ErrorBar } from '../error-bar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  card: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  label: { color: tokens.colorNeutralForeground3 },
  bound: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  money: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  // long contract titles must not widen the pane: the native select shrinks and ellipsises
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
});

export type PickedInvoice = { projectId: string; contractId: string; invoiceId: string };

type Props = {
  api: ApiClient;
  projects: Project[];
  /** invoices this workbook already holds: one click reopens them */
  inWorkbook?: BoundInvoice[];
  onReopen?: (invoiceId: string) => void;
  initial?: Partial<PickedInvoice>;
  isOpening: boolean;
  onOpen: (picked: PickedInvoice) => void;
};

/** A list that loads when its key changes; stale answers (the user picked again) are dropped. */
function useLoad<T>(key: string | null, load: (key: string) => Promise<T>): { data: T | null; error: string | null; isLoading: boolean } {
  const { t } = useI18n();
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({ key: null, data: null, error: null });
  useEffect(() => {
    if (!key) return;
    let isCurrent = true;
    load(key).then(
      (data) => isCurrent && setState({ key, data, error: null }),
      (err: unknown) => isCurrent && setState({ key, data: null, error: errorText(err, t) }),
    );
    return () => {
      isCurrent = false;
    };
    // `load` is recreated each render; the key alone decides when to fetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const isCurrent = state.key === key;
  return { data: isCurrent ? state.data : null, error: isCurrent ? state.error : null, isLoading: !!key && !isCurrent };
}

export function InvoicePicker({ api, projects, inWorkbook = [], onReopen, initial, isOpening, onOpen }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [projectId, setProjectId] = useState(initial?.projectId ?? (projects.length === 1 ? projects[0]!.id : ''));
  const [contractId, setContractId] = useState(initial?.contractId ?? '');
  const [invoiceId, setInvoiceId] = useState(initial?.invoiceId ?? '');

  const contracts = useLoad<Contract[]>(projectId || null, async (id) => (await api.listContracts(id)).contracts);
  const invoices = useLoad<InvoiceListItem[]>(contractId || null, async (id) => (await api.listInvoices(id)).invoices);
  const invoice = invoices.data?.find((i) => i.id === invoiceId) ?? null;
  // The draft's amount due is not frozen yet: read it live from the invoice (line 8).
  const live = useLoad(invoice && invoice.currentPaymentDueCents == null ? invoice.id : null, (id) => api.getInvoice(id));
  const amountDue = invoice?.currentPaymentDueCents ?? live.data?.g702.line8CurrentPaymentDueCents ?? null;

  // Preselect the latest invoice: the one people work on.
  useEffect(() => {
    if (invoices.data && !invoices.data.some((i) => i.id === invoiceId)) setInvoiceId(invoices.data.at(-1)?.id ?? '');
  }, [invoices.data, invoiceId]);

  if (projects.length === 0)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('picker.noProjects')}</MessageBarBody>
      </MessageBar>
    );

  const error = contracts.error ?? invoices.error;
  return (
    <div className={styles.root}>
      {inWorkbook.length > 0 && onReopen && (
        <div className={styles.bound} role="group" aria-label={t('picker.inWorkbook')}>
          <Text size={200} className={styles.label}>
            {t('picker.inWorkbook')}
          </Text>
          {inWorkbook.map((b) => (
            <Button key={b.invoiceId} size="small" appearance="secondary" onClick={() => onReopen(b.invoiceId)}>
              {`${t('picker.invoiceNo', { number: b.invoiceNumber })} · ${b.g703Sheet}`}
            </Button>
          ))}
        </div>
      )}
      <Field label={t('picker.project')}>
        <Select
          className={styles.select}
          name="project"
          value={projectId}
          onChange={(_, d) => {
            setProjectId(d.value);
            setContractId('');
            setInvoiceId('');
          }}
        >
          <option value="">{t('picker.choose')}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.number ? `${p.number} · ${p.name}` : p.name}
            </option>
          ))}
        </Select>
      </Field>
      {projectId && (
        <Field label={t('picker.contract')} hint={contracts.data?.length === 0 ? t('picker.noContracts') : undefined}>
          <Select
            className={styles.select}
            name="contract"
            value={contractId}
            disabled={contracts.isLoading}
            onChange={(_, d) => {
              setContractId(d.value);
              setInvoiceId('');
            }}
          >
            <option value="">{contracts.isLoading ? t('picker.loading') : t('picker.choose')}</option>
            {contracts.data?.map((c) => (
              <option key={c.id} value={c.id}>{`#${c.number} · ${c.title} (${t(c.kind === 'prime' ? 'contract.prime' : 'contract.commitment')})`}</option>
            ))}
          </Select>
        </Field>
      )}
      {contractId && (
        <Field label={t('picker.invoice')} hint={invoices.data?.length === 0 ? t('picker.noInvoices') : undefined}>
          <Select className={styles.select} name="invoice" value={invoiceId} disabled={invoices.isLoading} onChange={(_, d) => setInvoiceId(d.value)}>
            {invoices.isLoading && <option value="">{t('picker.loading')}</option>}
            {invoices.data?.map((i) => (
              <option key={i.id} value={i.id}>
                {`${t('picker.invoiceNo', { number: i.number })} · ${i18n.date(i.billingPeriod.end)} · ${t(`status.${i.status}` as never)}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <ErrorBar message={error} />
      {invoice && (
        <Card aria-label={t('picker.invoiceNo', { number: invoice.number })}>
          <div className={styles.card}>
            <Text className={styles.label}>{t('picker.invoice')}</Text>
            <Text weight="semibold">
              {t('picker.invoiceNo', { number: invoice.number })}{' '}
              {invoice.isLatest && (
                <Badge appearance="tint" size="small">
                  {t('picker.latest')}
                </Badge>
              )}
            </Text>
            <Text className={styles.label}>{t('picker.periodLabel')}</Text>
            <Text>{`${i18n.date(invoice.billingPeriod.start)} – ${i18n.date(invoice.billingPeriod.end)}`}</Text>
            <Text className={styles.label}>{t('picker.status')}</Text>
            <span>
              <StatusBadge status={invoice.status} />
            </span>
            <Text className={styles.label}>{t('picker.amountDue')}</Text>
            <Text className={styles.money} data-testid="picker-amount-due">
              {amountDue != null ? i18n.money(amountDue) : live.isLoading ? <Spinner size="extra-tiny" /> : '—'}
              {invoice.currentPaymentDueCents == null && amountDue != null && (
                <Text size={200} className={styles.label}>
                  {' '}
                  ({t('picker.amountDueDraft')})
                </Text>
              )}
            </Text>
          </div>
        </Card>
      )}
      <Button appearance="primary" disabled={!invoice || isOpening} onClick={() => invoice && onOpen({ projectId, contractId, invoiceId: invoice.id })}>
        {isOpening ? t('picker.opening') : t('picker.open')}
      </Button>
    </div>
  );
}
