import { Badge, Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { InvoiceListItem, InvoiceView } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { StatusActions } from '../workspace/status-actions';
import { StatusBadge } from '../workspace/status-badge';
import { useLoad } from '../use-load';
import type { ContractTabContext } from './contract-tab-types';
import { contractLabels } from './labels';
import { KindBadge } from '../release/kind-badge';

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalS, gap: tokens.spacingVerticalXS },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  sub: { color: tokens.colorNeutralForeground3 },
  money: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Props = {
  ctx: ContractTabContext;
  invoice: InvoiceListItem;
  isSelected: boolean;
  onSelect: () => void;
  /** a status change or a new view: the list reloads to show it */
  onChanged: () => void;
};

/**
 * One invoice of the contract. A draft's amount due is not frozen yet, so it is read live from the
 * invoice (line 8). The selected one shows its status actions (the workspace's, with the reasons a
 * button is unavailable) and the button that opens it in the workbook.
 */
export function InvoiceRow({ ctx, invoice, isSelected, onSelect, onChanged }: Props) {
  const L = useLabels(contractLabels);
  const styles = useStyles();
  const { i18n } = ctx;
  const needsView = isSelected || invoice.currentPaymentDueCents == null;
  const live = useLoad<InvoiceView>(needsView ? `${invoice.id}@${invoice.version}` : null, () => ctx.api.getInvoice(invoice.id));
  const [view, setView] = useState<InvoiceView | null>(null);
  useEffect(() => {
    if (live.data) setView(live.data);
  }, [live.data]);
  const amountDue = invoice.currentPaymentDueCents ?? view?.g702.line8CurrentPaymentDueCents ?? null;
  const label = L.invoiceNo(invoice.number);

  return (
    <Card
      className={isSelected ? `${styles.card} ${styles.selected}` : styles.card}
      aria-label={label}
      data-testid="invoice-row"
      data-invoice-id={invoice.id}
      data-selected={isSelected}
      onClick={isSelected ? undefined : onSelect}
    >
      <div className={styles.head}>
        <Text weight="semibold">{label}</Text>
        {invoice.isLatest && (
          <Badge appearance="outline" size="small">
            {L.latest}
          </Badge>
        )}
        <KindBadge kind={invoice.kind} />
        <span className={styles.grow} />
        <StatusBadge status={view?.invoice.status ?? invoice.status} />
      </div>
      <Text size={200} className={styles.sub}>
        {L.period(i18n.date(invoice.billingPeriod.start), i18n.date(invoice.billingPeriod.end))}
      </Text>
      <Text size={200}>
        {`${L.amountDue}: `}
        <span className={styles.money} data-testid="invoice-amount-due">
          {amountDue != null ? i18n.money(amountDue) : live.isLoading ? '…' : '—'}
        </span>
        {invoice.currentPaymentDueCents == null && amountDue != null && <span className={styles.sub}>{` (${L.draftNotFinal})`}</span>}
      </Text>
      {isSelected && (
        <div className={styles.actions}>
          {view && (
            <StatusActions
              api={ctx.api}
              view={view}
              access={ctx.contract.myAccess}
              hasUnsavedEdits={false}
              onChanged={(next) => {
                setView(next);
                onChanged();
              }}
            />
          )}
          <Button appearance="primary" icon={<OpenRegular />} onClick={() => ctx.openInvoice(invoice.id)}>
            {L.openInWorkbook}
          </Button>
        </div>
      )}
    </Card>
  );
}
