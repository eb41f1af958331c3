import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { TRegisterSendBatchInput } from '@shared/api/send-batches';
import { isApiError } from '../../api';
import type { I18n } from '../../i18n/i18n-context';
import { errorText } from '../workspace/error-text';
import type { BillingPeriod, PrimeContract, SendBatchApi } from '../../api';
import type { SendBatchLabels } from './labels';
import { parseAddresses } from './parse-addresses';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'flex', gap: tokens.spacingHorizontalS, '& > *': { flexGrow: 1, flexBasis: 0 } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Props = {
  api: SendBatchApi;
  L: SendBatchLabels;
  i18n: I18n;
  projectId: string;
  contractId: string;
  onBack: () => void;
  onRegistered: (batchId: string) => void;
};

const toInt = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** Registers a batch: which invoices (contract, numbers and/or period), to whom, subject, message, PDF. */
export function RegisterForm({ api, L, i18n, projectId, contractId, onBack, onRegistered }: Props) {
  const styles = useStyles();
  const [contracts, setContracts] = useState<PrimeContract[]>([]);
  const [periods, setPeriods] = useState<BillingPeriod[]>([]);
  const [form, setForm] = useState({
    name: '',
    contractId,
    fromNumber: '',
    toNumber: '',
    billingPeriodId: '',
    mode: 'invoice_contacts' as 'invoice_contacts' | 'chosen',
    addresses: '',
    subjectTemplate: '',
    message: '',
    attachPdf: false,
  });
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    Promise.all([api.primeContracts(projectId), api.billingPeriods(projectId)]).then(
      ([c, p]) => {
        setContracts(c);
        setPeriods(p);
      },
      (err: unknown) => setError({ message: errorText(err, i18n.t), details: [] }),
    );
  }, [api, projectId, i18n.t]);

  async function submit() {
    const body: TRegisterSendBatchInput = {
      name: form.name,
      selections: [
        {
          ...(form.contractId ? { contractId: form.contractId } : {}),
          ...(toInt(form.fromNumber) !== undefined ? { fromNumber: toInt(form.fromNumber) } : {}),
          ...(toInt(form.toNumber) !== undefined ? { toNumber: toInt(form.toNumber) } : {}),
          ...(form.billingPeriodId ? { billingPeriodId: form.billingPeriodId } : {}),
        },
      ],
      recipients: form.mode === 'chosen' ? { mode: 'chosen', addresses: parseAddresses(form.addresses) } : { mode: 'invoice_contacts' },
      ...(form.subjectTemplate.trim() ? { subjectTemplate: form.subjectTemplate.trim() } : {}),
      message: form.message,
      attachPdf: form.attachPdf,
      // subjects and messages in the pane's language, not the profile's
      locale: i18n.lang,
    };
    setBusy(true);
    setError(null);
    try {
      const batch = await api.register(projectId, body);
      onRegistered(batch.id);
    } catch (err) {
      setError({ message: errorText(err, i18n.t), details: isApiError(err) ? err.details.map((d) => d.message) : [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.root}
      data-testid="batch-register-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div>
        <Button size="small" appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
          {L.back}
        </Button>
      </div>
      <Field label={L.name}>
        <Input name="batchName" value={form.name} onChange={(_, d) => set('name', d.value)} />
      </Field>
      <Field label={L.contract}>
        <Select name="batchContract" value={form.contractId} onChange={(_, d) => set('contractId', d.value)}>
          <option value="">{L.allContracts}</option>
          {contracts.map((c) => (
            <option key={c.id} value={c.id}>{`#${c.number} ${c.title}`}</option>
          ))}
        </Select>
      </Field>
      <div className={styles.pair}>
        <Field label={L.fromNumber}>
          <Input name="fromNumber" inputMode="numeric" value={form.fromNumber} onChange={(_, d) => set('fromNumber', d.value)} />
        </Field>
        <Field label={L.toNumber}>
          <Input name="toNumber" inputMode="numeric" value={form.toNumber} onChange={(_, d) => set('toNumber', d.value)} />
        </Field>
      </div>
      <Field label={L.period}>
        <Select name="billingPeriod" value={form.billingPeriodId} onChange={(_, d) => set('billingPeriodId', d.value)}>
          <option value="">{L.anyPeriod}</option>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>{`${i18n.date(p.start)} – ${i18n.date(p.end)}`}</option>
          ))}
        </Select>
      </Field>
      <Field label={L.recipients}>
        <RadioGroup value={form.mode} onChange={(_, d) => set('mode', d.value as typeof form.mode)}>
          <Radio value="invoice_contacts" label={L.invoiceContacts} />
          <Radio value="chosen" label={L.chosen} />
        </RadioGroup>
      </Field>
      {form.mode === 'chosen' && (
        <Field hint={L.addressesHint}>
          <Textarea name="addresses" resize="vertical" value={form.addresses} onChange={(_, d) => set('addresses', d.value)} />
        </Field>
      )}
      <Field label={L.subject} hint={L.subjectHint}>
        <Input name="subjectTemplate" value={form.subjectTemplate} onChange={(_, d) => set('subjectTemplate', d.value)} />
      </Field>
      <Field label={L.message}>
        <Textarea name="message" resize="vertical" value={form.message} onChange={(_, d) => set('message', d.value)} />
      </Field>
      <Checkbox name="attachPdf" label={L.attachPdf} checked={form.attachPdf} onChange={(_, d) => set('attachPdf', d.checked === true)} />
      {error && (
        <MessageBar layout="multiline" intent="error" data-testid="register-error">
          <MessageBarBody>
            {error.message}
            {error.details.length > 0 && (
              <ul>
                {error.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={isBusy} icon={isBusy ? <Spinner size="extra-tiny" /> : undefined}>
          {L.register}
        </Button>
      </div>
    </form>
  );
}
