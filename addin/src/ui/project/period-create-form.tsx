import { Button, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../api';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { projectLabels, type ProjectLabels } from './labels';
import { emptyPeriodForm, periodBody, type PeriodField, type PeriodFormValues, type PeriodProblem } from './period-form';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // short labels (frequency, start, end) side by side; minmax(0, …) keeps a narrow pane from overflowing
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  // a date input has an intrinsic width that would push past a 150 px column
  input: { minWidth: 0, width: '100%', '& input': { minWidth: 0 } },
  sub: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

const problemText = (L: ProjectLabels, p: PeriodProblem): string =>
  ({ required: L.errRequired, end_before_start: L.errEndBeforeStart, due_before_start: L.errDueBeforeStart, count: L.errCount, due_days: L.errDueDays })[p];

type Props = { api: ApiClient; projectId: string; defaultStart: string; onCreated: (count: number) => void; onCancel: () => void };

/** Automatic (monthly or weekly from a start date) or manual periods, with what they will be before creating. */
export function PeriodCreateForm({ api, projectId, defaultStart, onCreated, onCancel }: Props) {
  const i18n = useI18n();
  const L = useLabels(projectLabels);
  const styles = useStyles();
  const [values, setValues] = useState<PeriodFormValues>(() => emptyPeriodForm(defaultStart));
  const [problems, setProblems] = useState<Partial<Record<PeriodField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const checked = periodBody(values);
  const planned = checked.ok ? checked.planned : [];
  const range = (p: { start: string; end: string }) => `${i18n.date(p.start)} – ${i18n.date(p.end)}`;

  function set<K extends PeriodField>(field: K, value: PeriodFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
  }
  const fieldProps = (field: PeriodField) => ({
    validationState: problems[field] ? ('error' as const) : ('none' as const),
    validationMessage: problems[field],
  });

  async function create() {
    setError(null);
    if (!checked.ok) {
      setProblems(Object.fromEntries(Object.entries(checked.problems).map(([f, p]) => [f, problemText(L, p)])));
      return;
    }
    setBusy(true);
    try {
      const { billingPeriods } = await api.setup.createBillingPeriods(projectId, checked.body);
      onCreated(billingPeriods.length);
    } catch (err) {
      // an overlap names the start; the sentence says which existing period it overlaps
      const named = isApiError(err) ? err.details.filter((d) => d.field in values) : [];
      if (named.length) setProblems(Object.fromEntries(named.map((d) => [d.field, d.message])));
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  const date = (field: 'start' | 'end' | 'due', label: string) => (
    <Field label={label} {...fieldProps(field)}>
      <Input className={styles.input} type="date" name={`period-${field}`} value={values[field]} onChange={(_, d) => set(field, d.value)} />
    </Field>
  );

  return (
    <form
      className={styles.form}
      data-testid="period-form"
      aria-label={L.newPeriods}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Text weight="semibold">{L.newPeriods}</Text>
      <RadioGroup name="periodMode" layout="horizontal" value={values.mode} onChange={(_, d) => set('mode', d.value as PeriodFormValues['mode'])}>
        <Radio value="automatic" label={L.automatic} />
        <Radio value="manual" label={L.manual} />
      </RadioGroup>
      {values.mode === 'automatic' ? (
        <>
          <div className={styles.pair}>
            <Field label={L.frequency}>
              <Select name="period-frequency" value={values.frequency} onChange={(_, d) => set('frequency', d.value as PeriodFormValues['frequency'])}>
                <option value="monthly">{L.schedule.monthly}</option>
                <option value="weekly">{L.schedule.weekly}</option>
              </Select>
            </Field>
            {date('start', L.start)}
          </div>
          <Field label={L.count} {...fieldProps('count')}>
            <Input name="period-count" inputMode="numeric" value={values.count} onChange={(_, d) => set('count', d.value)} />
          </Field>
          <Field label={L.dueDays} {...fieldProps('dueDays')}>
            <Input name="period-due-days" inputMode="numeric" value={values.dueDays} onChange={(_, d) => set('dueDays', d.value)} />
          </Field>
        </>
      ) : (
        <>
          <div className={styles.pair}>
            {date('start', L.start)}
            {date('end', L.end)}
          </div>
          {date('due', L.due)}
        </>
      )}
      {planned.length > 0 && (
        <Text size={200} className={styles.sub} data-testid="period-preview">
          {L.preview(planned.length, range(planned[0]!), range(planned.at(-1)!))}
        </Text>
      )}
      <ErrorBar message={error} />
      <div className={styles.buttons}>
        <Button onClick={onCancel}>{L.cancel}</Button>
        <Button appearance="primary" type="submit" disabled={busy}>
          {L.createPeriods}
        </Button>
      </div>
    </form>
  );
}
