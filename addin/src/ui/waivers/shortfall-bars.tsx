import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { listLienWaiverWarnings } from '@shared/api/routes/lien-waivers';
import type { ApiClient } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { useLoad } from '../use-load';
import { waiverLabels } from './labels';

const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

/**
 * On a subcontract's screen: its paid invoices whose received unconditional waivers do not cover
 * what was paid (GET /projects/{id}/lien-waiver-warnings), each with a way to its Waivers tab.
 * A failed load shows nothing here: the invoice's own Waivers tab says the same and reports errors.
 */
export function ShortfallBars({
  api,
  projectId,
  contractId,
  openInvoice,
}: {
  api: ApiClient;
  projectId: string;
  contractId: string;
  openInvoice: (id: string) => void;
}) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const styles = useStyles();
  const loaded = useLoad(projectId, async (id) => (await api.call(listLienWaiverWarnings, { param: { id } })).warnings);
  const mine = (loaded.data ?? []).filter((w) => w.contractId === contractId);
  if (mine.length === 0) return null;
  return (
    <div className={styles.list} data-testid="waiver-shortfalls">
      {mine.map((w) => (
        <MessageBar key={w.invoiceId} layout="multiline" intent="warning" data-testid="waiver-shortfall" data-invoice-id={w.invoiceId}>
          <MessageBarBody>{L.shortfallInvoice(w.invoiceNumber, i18n.money(w.paidCents), i18n.money(w.waivedCents), i18n.money(w.missingCents))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => openInvoice(w.invoiceId)}>
              {L.openInvoice}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
