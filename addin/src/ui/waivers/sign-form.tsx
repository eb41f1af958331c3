import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import type { WaiverApi, WaiverView } from './waiver-api';
import { checkSign, type SignInput, type SignProblems } from './waiver-choices';
import { waiverLabels } from './labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  waiving: { fontVariantNumeric: 'tabular-nums' },
  buttons: { display: 'flex', justifyContent: 'flex-end' },
});

type SignField = keyof SignInput;

/**
 * The typed-name signature of a draft: the exact amount and through date being waived first,
 * then full name, title and the explicit consent. The server renders the PDF on signing and
 * attaches it to the invoice (and so to its email).
 */
// The name starts empty on purpose: typing it is the act of signing, so nothing is pre-filled.
export function SignForm({ api, waiver, onSigned }: { api: WaiverApi; waiver: WaiverView; onSigned: (w: WaiverView) => void }) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const styles = useStyles();
  const [input, setInput] = useState<SignInput>({ signerName: '', signerTitle: '', consent: false });
  const [problems, setProblems] = useState<SignProblems>({});
  const [serverProblems, setServerProblems] = useState<Partial<Record<SignField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends SignField>(field: K, value: SignInput[K]) => {
    setInput((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
    setServerProblems(({ [field]: _, ...rest }) => rest);
  };
  const message = (field: SignField) => serverProblems[field] ?? (problems[field] && L.signProblem[problems[field]]);
  const state = (field: SignField) => ({ validationState: message(field) ? ('error' as const) : ('none' as const), validationMessage: message(field) });

  async function sign() {
    setError(null);
    const r = checkSign(input);
    if (!r.ok) return setProblems(r.problems);
    setBusy(true);
    try {
      onSigned(await api.sign(waiver.id, r.body));
    } catch (err) {
      if (isApiError(err) && err.details.length) {
        const placed: Partial<Record<SignField, string>> = {};
        const other: string[] = [];
        for (const d of err.details)
          if (d.field === 'signerName' || d.field === 'signerTitle' || d.field === 'consent') placed[d.field] ??= d.message;
          else other.push(d.message);
        setServerProblems(placed);
        setError([err.message, ...other].join(' '));
      } else setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      data-testid="waiver-sign"
      aria-label={L.signTitle}
      onSubmit={(e) => {
        e.preventDefault();
        void sign();
      }}
    >
      <Text weight="semibold">{L.signTitle}</Text>
      <Text className={styles.waiving} data-testid="waiver-waiving" data-amount-cents={waiver.amountCents}>
        {L.waiving(i18n.money(waiver.amountCents), i18n.date(waiver.throughDate))}
      </Text>
      <Field label={L.signerName} required {...state('signerName')}>
        <Input name="signerName" autoComplete="name" value={input.signerName} disabled={busy} onChange={(_, d) => set('signerName', d.value)} />
      </Field>
      <Field label={L.signerTitle} required {...state('signerTitle')}>
        <Input
          name="signerTitle"
          autoComplete="organization-title"
          value={input.signerTitle}
          disabled={busy}
          onChange={(_, d) => set('signerTitle', d.value)}
        />
      </Field>
      <Field {...state('consent')}>
        <Checkbox name="consent" label={L.consent} checked={input.consent} disabled={busy} onChange={(_, d) => set('consent', d.checked === true)} />
      </Field>
      <ErrorBar message={error} />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="waiver-sign-submit">
          {busy ? L.signing : L.sign}
        </Button>
      </div>
    </form>
  );
}
