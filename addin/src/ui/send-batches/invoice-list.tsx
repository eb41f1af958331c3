import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular, PeopleRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { TSendBatchInvoice, TSendBatchRecipient } from '@shared/api/send-batches';
import type { I18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { SendBatchApi } from '../../api';
import type { SendBatchLabels } from './labels';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
  sub: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Props = {
  api: SendBatchApi;
  L: SendBatchLabels;
  i18n: I18n;
  projectId: string;
  batchId: string;
  invoices: TSendBatchInvoice[];
  /** changes whenever the batch's progress does: open recipient lists are reloaded with their statuses */
  progressKey: string;
};

/** The batch's invoices as registered: each opens (its PDF) and lists its recipients with their status. */
export function InvoiceList({ api, L, i18n, projectId, batchId, invoices, progressKey }: Props) {
  const styles = useStyles();
  const [open, setOpen] = useState<Record<string, TSendBatchRecipient[] | 'loading' | string>>({});
  const [pdfError, setPdfError] = useState<string | null>(null);
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    for (const [invoiceId, state] of Object.entries(openRef.current)) {
      if (!Array.isArray(state)) continue;
      api.recipients(projectId, batchId, invoiceId).then(
        (r) => setOpen((o) => (Array.isArray(o[invoiceId]) ? { ...o, [invoiceId]: r.invoices[0]?.recipients ?? [] } : o)),
        () => undefined,
      );
    }
  }, [api, projectId, batchId, progressKey]);

  async function toggle(invoiceId: string) {
    if (open[invoiceId] && open[invoiceId] !== 'loading') {
      setOpen(({ [invoiceId]: _, ...rest }) => rest);
      return;
    }
    setOpen((o) => ({ ...o, [invoiceId]: 'loading' }));
    try {
      const r = await api.recipients(projectId, batchId, invoiceId);
      setOpen((o) => ({ ...o, [invoiceId]: r.invoices[0]?.recipients ?? [] }));
    } catch (err) {
      setOpen((o) => ({ ...o, [invoiceId]: errorText(err, i18n.t) }));
    }
  }

  async function openPdf(invoiceId: string) {
    // open the window first (a popup opened after an await is blocked), then point it at the signed link
    const win = globalThis.open?.('about:blank', '_blank') ?? null;
    try {
      const url = await api.invoicePdfLink(invoiceId);
      if (win) win.location.href = url;
      else globalThis.location.assign(url);
      setPdfError(null);
    } catch (err) {
      win?.close();
      setPdfError(errorText(err, i18n.t));
    }
  }

  return (
    <div data-testid="batch-invoices">
      <Text weight="semibold">{L.invoices}</Text>
      {pdfError && <Text className={styles.sub}>{pdfError}</Text>}
      {invoices.map((inv) => {
        const state = open[inv.id];
        return (
          <div key={inv.id} className={styles.item} data-testid="batch-invoice" data-invoice-id={inv.id}>
            <Text>{L.invoiceLine({ number: inv.number, contract: inv.contract.number, count: inv.recipientCount })}</Text>
            <Text size={200} className={styles.sub}>{`${i18n.date(inv.billingPeriod.start)} – ${i18n.date(inv.billingPeriod.end)} · ${inv.subject}`}</Text>
            <div className={styles.actions}>
              <Button size="small" icon={<OpenRegular />} onClick={() => void openPdf(inv.id)}>
                {L.openPdf}
              </Button>
              <Button size="small" icon={<PeopleRegular />} onClick={() => void toggle(inv.id)} data-testid="show-recipients">
                {Array.isArray(state) ? L.hideRecipients : L.showRecipients}
              </Button>
            </div>
            {state === 'loading' && <Spinner size="extra-tiny" />}
            {typeof state === 'string' && state !== 'loading' && <Text className={styles.sub}>{state}</Text>}
            {Array.isArray(state) && (
              <ul className={styles.list} data-testid="batch-recipients">
                {state.map((r) => (
                  <li key={r.itemId} data-status={r.status}>
                    <Text size={200}>
                      {r.name ? `${r.name} <${r.email}>` : r.email} · {r.status}
                      {r.reason ? ` · ${r.reason}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
