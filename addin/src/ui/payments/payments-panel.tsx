// The invoice's Payments tab: what is due (G702 line 8), paid and open, when it is due and how late,
// the payments received (void with a reason), and, for admins on an approved invoice, the form to
// record one — also pre-filled from an owner's reply read as a payment notice (GET
// /invoices/{id}/payments suggestions), which the admin confirms. Read-only users see the figures.
import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { TInvoicePayments } from '@shared/api/payments';
import { listInvoicePayments } from '@shared/api/routes/payments';
import { isPayable } from '@shared/payments/payment-rules';
import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { isToolAdmin, type TabContext } from '../tabs/tab-types';
import { useLoad } from '../use-load';
import { paymentLabels } from './labels';
import { PaymentList } from './payment-list';
import { blankPayment, fromSuggestion, localToday, type PaymentForm } from './payment-form';
import { RecordPaymentForm } from './record-payment-form';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'baseline',
  },
  value: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  badge: { justifySelf: 'start' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
  heading: { fontWeight: tokens.fontWeightSemibold },
  notice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  quote: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

const stateColor = { not_due: 'informative', unpaid: 'danger', partial: 'warning', paid: 'success', overpaid: 'important' } as const;

export function PaymentsPanel({ ctx }: { ctx: TabContext }) {
  const L = useLabels(paymentLabels);
  const styles = useStyles();
  const { i18n, view } = ctx;
  const invoiceId = view.invoice.id;
  const loaded = useLoad<TInvoicePayments>(invoiceId, (id) => ctx.api.call(listInvoicePayments, { param: { id } }));
  const [latest, setLatest] = useState<TInvoicePayments | null>(null);
  const [form, setForm] = useState<PaymentForm | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const data = latest ?? loaded.data;
  const today = localToday();

  if (!data) return loaded.error ? <ErrorBar message={L.loadFailed(loaded.error)} /> : <Spinner size="tiny" />;

  const isAdmin = isToolAdmin(ctx.contract); // null: not read yet, which is not read-only
  const why = !isPayable(view.invoice.status) ? L.notApproved(i18n.t(`status.${view.invoice.status}` as MessageKey)) : isAdmin === false ? L.readOnly : null;
  // the server decides (canRecord); the pane only says why not in the user's language
  const canRecord = data.canRecord;
  const changed = (next: TInvoicePayments, text: string) => {
    setLatest(next);
    setForm(null);
    setDone(text);
  };

  return (
    <div className={styles.root} data-testid="payments-panel" data-state={data.state}>
      <div className={styles.figures} data-testid="payment-figures">
        <Text>{L.amountDue}</Text>
        <Text className={styles.value} data-testid="payment-amount-due">
          {/* never submitted: nothing is billed yet (the server's 0 would read as "owes nothing") */}
          {data.dueOn ? i18n.money(data.amountDueCents) : '—'}
        </Text>
        <Text>{L.paid}</Text>
        <Text className={styles.value} data-testid="payment-paid">
          {i18n.money(data.paidCents)}
        </Text>
        <Text className={styles.strong}>{data.overpaidCents > 0 ? L.overpaid : L.open}</Text>
        <Text className={`${styles.value} ${styles.strong}`} data-testid="payment-open">
          {i18n.money(data.overpaidCents > 0 ? data.overpaidCents : data.openCents)}
        </Text>
        <Text>{L.dueOn}</Text>
        <Text className={styles.value} data-testid="payment-due-on">
          {data.dueOn ? i18n.date(data.dueOn) : '—'}
        </Text>
        <Badge className={styles.badge} appearance="tint" color={stateColor[data.state]} data-testid="payment-state">
          {L.state[data.state]}
        </Badge>
        <Text className={styles.value} data-testid="payment-days-past-due">
          {L.daysPastDue(data.daysPastDue)}
        </Text>
      </div>
      <Text size={200} className={styles.sub}>
        {L.terms(data.paymentTermsDays)}
      </Text>
      {!data.dueOn && (
        <Text size={200} className={styles.sub}>
          {L.noDueDate}
        </Text>
      )}
      {!canRecord && (why || data.cannotRecordReason) && (
        <MessageBar intent="info" layout="multiline" data-testid="payments-why-not">
          <MessageBarBody>{why ?? data.cannotRecordReason}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent="success" layout="multiline" data-testid="payment-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {canRecord &&
        data.suggestions.map((s) => (
          <MessageBar key={s.messageId} intent="info" layout="multiline" data-testid="payment-suggestion" data-message-id={s.messageId}>
            <MessageBarBody className={styles.notice}>
              <span className={styles.quote}>{L.notice(i18n.date(s.receivedOn ?? s.receivedAt), s.excerpt)}</span>
              <Text size={200} className={styles.sub}>
                {L.noticeFrom(s.fromName || s.fromEmail)}
              </Text>
              <Button
                size="small"
                appearance="primary"
                disabled={form?.sourceMessageId === s.messageId}
                onClick={() => setForm(fromSuggestion(s, today, i18n.lang))}
                data-testid="payment-suggestion-use"
              >
                {s.amountCents === null ? L.recordNoAmount : L.recordSuggested(i18n.money(s.amountCents))}
              </Button>
            </MessageBarBody>
          </MessageBar>
        ))}
      {canRecord && !form && (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="primary"
            icon={<AddRegular />}
            onClick={() => {
              setForm(blankPayment(today));
              setDone(null);
            }}
            data-testid="payment-new"
          >
            {L.record}
          </Button>
        </div>
      )}
      {canRecord && form && (
        <RecordPaymentForm
          key={form.sourceMessageId ?? 'new'}
          api={ctx.api}
          invoiceId={invoiceId}
          openCents={data.openCents}
          form={form}
          today={today}
          onChange={setForm}
          onRecorded={(next, cents) => changed(next, L.recorded(i18n.money(cents)))}
          onCancel={() => setForm(null)}
        />
      )}
      <Text className={styles.heading}>{L.history}</Text>
      <PaymentList
        api={ctx.api}
        invoiceId={invoiceId}
        payments={data.payments}
        canVoid={canRecord}
        onVoided={(next, cents) => changed(next, L.voided(i18n.money(cents)))}
      />
    </div>
  );
}
