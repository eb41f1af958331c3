import { Button, Field, Input, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { jurisdictionLabel } from '../project-settings/labels';
import { errorText } from '../workspace/error-text';
import type { WaiverApi, WaiverView } from './waiver-api';
import { isUnconditional, WAIVER_FORMS, type WaiverForm, type WaiverType } from '@shared/waivers/types';
import { checkGenerate, firstAvailableType, typeChoices, type AvailableWaiver } from './waiver-choices';
import { waiverLabels } from './labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sub: { color: tokens.colorNeutralForeground3 },
  // long statutory form names must not widen the pane
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  option: { display: 'flex', flexDirection: 'column' },
  amount: { fontVariantNumeric: 'tabular-nums' },
  buttons: { display: 'flex', justifyContent: 'flex-end' },
});

type Props = {
  api: WaiverApi;
  invoiceId: string;
  available: AvailableWaiver[];
  /** the form the project's jurisdiction needs, as the server says (US-CA → us-ca, US-TX → us-tx, else generic): preselected */
  suggestedForm: WaiverForm;
  /** the project's jurisdiction ('US-CA', …), named in the hint under the form */
  jurisdiction: string | null;
  onCreated: (waiver: WaiverView) => void;
};

/**
 * A new waiver as a draft: its type (each with the amount it would waive now, or why not),
 * its form, and for an unconditional one the payment it acknowledges. The amount is the server's
 * (from the invoice or the payment), never typed.
 */
export function GenerateForm({ api, invoiceId, available, suggestedForm: suggested, jurisdiction, onCreated }: Props) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const styles = useStyles();
  const [form, setForm] = useState<WaiverForm>(suggested);
  const choices = typeChoices(available, form);
  const [type, setType] = useState<WaiverType | null>(() => firstAvailableType(typeChoices(available, suggested)));
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const [throughDate, setThroughDate] = useState('');
  const [exceptions, setExceptions] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = checkGenerate(choices, { type, form, paymentId }, { throughDate, exceptions });
  const chosen = choices.find((c) => c.type === type);
  // the server's reason code in the pane's words, with its money and place formatted here
  const whyText = (why: NonNullable<AvailableWaiver['why']>) =>
    L.why(why, {
      line8: why.code === 'NOTHING_DUE' ? i18n.money(why.line8Cents) : '',
      place: why.code === 'FORM_NOT_CARRIED' ? jurisdictionLabel(why.jurisdiction, i18n.lang) : '',
    });

  if (!choices.some((c) => c.isAvailable))
    return (
      <div className={styles.form} data-testid="waiver-generate">
        <Text weight="semibold">{L.generateTitle}</Text>
        <Text size={200} className={styles.sub} data-testid="waiver-nothing-available">
          {L.nothingAvailable}
        </Text>
        <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }}>
          {choices.map((c) => (
            <li key={c.type}>
              <Text size={200}>{`${L.type[c.type]}: ${c.isAvailable ? '' : L.notNow(c.why && whyText(c.why))}`}</Text>
            </li>
          ))}
        </ul>
      </div>
    );

  async function create() {
    setProblem(null);
    if (!check.ok) return setProblem(L.generateProblem[check.problem]);
    setBusy(true);
    try {
      onCreated(await api.create(invoiceId, { ...check.body, locale: i18n.lang }));
    } catch (err) {
      setProblem(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      data-testid="waiver-generate"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Text weight="semibold">{L.generateTitle}</Text>
      <Field label={L.formLabel} hint={form === suggested && jurisdiction ? L.formFromJurisdiction(jurisdictionLabel(jurisdiction, i18n.lang)) : undefined}>
        {/* radios, not a select: the statutory forms' names with their citations are long, and a select would cut them at 340 px */}
        <RadioGroup name="waiver-form" value={form} onChange={(_, d) => setForm(d.value as WaiverForm)}>
          {WAIVER_FORMS.map((f) => (
            <Radio key={f} value={f} label={L.form[f]} data-testid={`waiver-form-${f}`} />
          ))}
        </RadioGroup>
      </Field>
      {form !== 'generic' && (
        <Text size={200} className={styles.sub}>
          {L.statutoryEnglish}
        </Text>
      )}
      <Field label={L.available}>
        <RadioGroup
          name="waiver-type"
          value={type ?? ''}
          onChange={(_, d) => {
            setType(d.value as WaiverType);
            setPaymentId(null);
          }}
        >
          {choices.map((c) => (
            <Radio
              key={c.type}
              value={c.type}
              disabled={!c.isAvailable}
              data-testid={`waiver-type-${c.type}`}
              label={
                <span className={styles.option}>
                  <span>{L.type[c.type]}</span>
                  <Text size={200} className={c.isAvailable ? styles.amount : styles.sub}>
                    {c.isAvailable ? c.options.map((o) => i18n.money(o.amountCents)).join(' · ') : L.notNow(c.why && whyText(c.why))}
                  </Text>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      {type && isUnconditional(type) && chosen?.isAvailable && chosen.options.length > 1 && (
        <Field label={L.paymentLabel}>
          <Select className={styles.select} name="waiver-payment" value={paymentId ?? ''} onChange={(_, d) => setPaymentId(d.value || null)}>
            <option value="">{L.choosePayment}</option>
            {chosen.options.map((o) => (
              <option key={o.paymentId} value={o.paymentId ?? ''}>
                {L.paymentOption(i18n.money(o.amountCents), o.receivedOn && i18n.date(o.receivedOn))}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={L.throughLabel} hint={L.throughHint}>
        <Input type="date" name="waiver-through" value={throughDate} onChange={(_, d) => setThroughDate(d.value)} />
      </Field>
      <Field label={L.exceptionsLabel}>
        <Textarea name="waiver-exceptions" value={exceptions} resize="vertical" onChange={(_, d) => setExceptions(d.value)} />
      </Field>
      {check.ok && (
        <Text weight="semibold" className={styles.amount} data-testid="waiver-will-waive" data-amount-cents={check.amountCents}>
          {L.willWaive(i18n.money(check.amountCents))}
        </Text>
      )}
      <ErrorBar message={problem} />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="waiver-create">
          {busy ? L.creating : L.create}
        </Button>
      </div>
    </form>
  );
}
