import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { paymentMethods, type TInvoicePayments } from '@shared/api/payments';
import { recordPayment } from '@shared/api/routes/payments';
import { formatCents, parseMoneyInput } from '@shared/money';
import { useState } from 'react';
import { isApiError, type ApiClient } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { paymentLabels } from './labels';
import { serverFieldErrors, toRequest, type FieldErrors, type PaymentField, type PaymentForm, type PaymentMethod } from './payment-form';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Props = {
  api: ApiClient;
  invoiceId: string;
  openCents: number;
  form: PaymentForm;
  today: string;
  onChange: (form: PaymentForm) => void;
  onRecorded: (payments: TInvoicePayments, amountCents: number) => void;
  onCancel: () => void;
};

/** Record a payment: every field checked in the pane first, then the server's refusals on the field they name. */
export function RecordPaymentForm({ api, invoiceId, openCents, form, today, onChange, onRecorded, onCancel }: Props) {
  const { lang, t } = useI18n();
  const L = useLabels(paymentLabels);
  const styles = useStyles();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PaymentForm>(key: K, value: PaymentForm[K]) => onChange({ ...form, [key]: value });
  const problem = (field: PaymentField) => {
    const e = errors[field];
    return e ? ('code' in e ? L.problem[e.code] : e.message) : undefined;
  };
  const typed = parseMoneyInput(form.amount, { locale: lang });
  const isOver = typed.ok && typed.cents > openCents;

  async function save() {
    const built = toRequest(form, lang, today);
    if (!built.ok) {
      setErrors(built.errors);
      setMessage(L.fixFields);
      return;
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      const result = await api.call(recordPayment, { param: { id: invoiceId }, json: built.body });
      onRecorded(result, built.body.amountCents);
    } catch (err) {
      // refusals the server names by field go under their field (in the pane's language when known)
      const fields = isApiError(err) ? serverFieldErrors(err.details) : {};
      setErrors(fields);
      setMessage(Object.keys(fields).length ? L.fixFields : errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.form} data-testid="payment-form">
      {form.sourceMessageId && <span data-testid="payment-prefilled">{L.prefilled}</span>}
      <Field label={L.receivedOn} required validationMessage={problem('receivedOn')}>
        <Input type="date" name="receivedOn" max={today} value={form.receivedOn} onChange={(_, d) => set('receivedOn', d.value)} />
      </Field>
      <Field
        label={L.amount}
        required
        validationMessage={problem('amount') ?? (isOver ? L.overOpen(formatCents(openCents, lang)) : undefined)}
        validationState={problem('amount') ? 'error' : isOver ? 'warning' : 'none'}
      >
        <Input
          name="amount"
          inputMode="decimal"
          placeholder={L.amountHint(formatCents(125_000, lang))}
          value={form.amount}
          onChange={(_, d) => set('amount', d.value)}
        />
      </Field>
      <Field label={L.methodLabel} required validationMessage={problem('method')}>
        <Select name="method" value={form.method} onChange={(_, d) => set('method', d.value as PaymentMethod)}>
          {paymentMethods.map((m) => (
            <option key={m} value={m}>
              {L.method[m]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={L.reference} validationMessage={problem('reference')}>
        <Input name="reference" value={form.reference} onChange={(_, d) => set('reference', d.value)} />
      </Field>
      <Field label={L.note} validationMessage={problem('note')}>
        <Textarea name="note" resize="vertical" value={form.note} onChange={(_, d) => set('note', d.value)} />
      </Field>
      <ErrorBar message={message} />
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={busy} onClick={() => void save()} data-testid="payment-save">
          {busy ? L.saving : L.save}
        </Button>
        <Button size="small" disabled={busy} onClick={onCancel}>
          {L.cancel}
        </Button>
      </div>
    </div>
  );
}
