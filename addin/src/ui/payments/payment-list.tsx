import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TInvoicePayments } from '@shared/api/payments';
import { voidPayment } from '@shared/api/routes/payments';
import { useState } from 'react';
import type { ApiClient } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { paymentLabels } from './labels';

type Payment = TInvoicePayments['payments'][number];

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  amount: { fontWeight: tokens.fontWeightSemibold },
  voidedAmount: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  grow: { flexGrow: 1 },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const flagColor = { partial: 'warning', full: 'success', over: 'danger' } as const;

type Props = { api: ApiClient; invoiceId: string; payments: Payment[]; canVoid: boolean; onVoided: (next: TInvoicePayments, amountCents: number) => void };

/** The invoice's payments, oldest first: partial/full/over flags, voided ones struck through with who, when and why. */
export function PaymentList({ api, invoiceId, payments, canVoid, onVoided }: Props) {
  const i18n = useI18n();
  const L = useLabels(paymentLabels);
  const styles = useStyles();
  const [voiding, setVoiding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirmVoid(p: Payment) {
    if (!reason.trim()) return setError(L.reasonRequired);
    setBusy(true);
    setError(null);
    try {
      onVoided(await api.call(voidPayment, { param: { id: invoiceId, paymentId: p.id }, json: { reason: reason.trim() } }), p.amountCents);
      setVoiding(null);
      setReason('');
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  if (!payments.length) return <Text className={styles.sub}>{L.none}</Text>;
  return (
    <div className={styles.list} data-testid="payment-list">
      {payments.map((p) => (
        <div key={p.id} className={styles.row} data-testid="payment-row" data-payment-id={p.id} data-voided={p.voided ? 'true' : 'false'}>
          <div className={styles.head}>
            <Text className={p.voided ? styles.voidedAmount : styles.amount}>{i18n.money(p.amountCents)}</Text>
            {!p.voided && (
              <Badge appearance="tint" color={flagColor[p.flag]} data-flag={p.flag}>
                {L.flag[p.flag]}
              </Badge>
            )}
            <Text size={200} className={styles.grow}>{`${i18n.date(p.receivedOn)} · ${L.method[p.method]}${p.reference ? ` · ${p.reference}` : ''}`}</Text>
            {canVoid && !p.voided && voiding !== p.id && (
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  setVoiding(p.id);
                  setReason('');
                  setError(null);
                }}
                data-testid="payment-void"
              >
                {L.void}
              </Button>
            )}
          </div>
          <Text size={200} className={styles.sub}>
            {[L.recordedBy(p.recordedBy.name), p.sourceMessageId ? L.fromNotice : '', p.note].filter(Boolean).join(' · ')}
          </Text>
          {p.voided && (
            <Text size={200} className={styles.sub}>
              {L.voidedBy(p.voided.by.name, i18n.date(p.voided.at), p.voided.reason)}
            </Text>
          )}
          {voiding === p.id && (
            <div className={styles.confirm}>
              <Field label={L.voidReason} required>
                <Input name="voidReason" value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <ErrorBar message={error} />
              <div className={styles.buttons}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void confirmVoid(p)} data-testid="payment-void-confirm">
                  {busy ? L.voiding : L.confirmVoid(i18n.money(p.amountCents))}
                </Button>
                <Button size="small" disabled={busy} onClick={() => setVoiding(null)}>
                  {L.cancel}
                </Button>
              </div>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
