import { Field, Input, Radio, RadioGroup, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContractFormValues, FieldProblems, FormField } from './contract-form-state';
import type { ContractLabels } from './labels';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // one rate per row: side by side, long translated labels wrap unevenly in a 320 px pane
  pair: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: '100%' },
  sub: { color: tokens.colorNeutralForeground3 },
  nested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
});

export type FieldText = (field: FormField) => string | undefined;

type Props = {
  L: ContractLabels;
  values: ContractFormValues;
  set: <K extends FormField>(field: K, value: ContractFormValues[K]) => void;
  errorOf: FieldText;
  disabled: boolean;
};

/** A percentage typed as text (5,5 or 5.5), checked on save by parsePercent (percent.ts). */
function PercentInput(props: { name: FormField; label: string; value: string; error?: string; disabled: boolean; onChange: (v: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={props.label} validationState={props.error ? 'error' : 'none'} validationMessage={props.error}>
      <Input
        className={styles.input}
        name={props.name}
        inputMode="decimal"
        value={props.value}
        disabled={props.disabled}
        contentAfter="%"
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}

/** Work and stored retainage, and the rule that reduces work retainage past a % complete. */
export function RetainageFields({ L, values, set, errorOf, disabled }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.section} role="group" aria-label={L.retainage}>
      <Text weight="semibold">{L.retainage}</Text>
      <div className={styles.pair}>
        <PercentInput
          name="workRetainage"
          label={L.workRetainage}
          value={values.workRetainage}
          error={errorOf('workRetainage')}
          disabled={disabled}
          onChange={(v) => set('workRetainage', v)}
        />
        <PercentInput
          name="storedRetainage"
          label={L.storedRetainage}
          value={values.storedRetainage}
          error={errorOf('storedRetainage')}
          disabled={disabled}
          onChange={(v) => set('storedRetainage', v)}
        />
      </div>
      <Text size={200} className={styles.sub}>
        {L.perLineHint}
      </Text>
      <Switch name="hasReduction" label={L.reduction} checked={values.hasReduction} disabled={disabled} onChange={(_, d) => set('hasReduction', d.checked)} />
      {values.hasReduction && (
        <div className={styles.nested}>
          <div className={styles.pair}>
            <PercentInput
              name="threshold"
              label={L.threshold}
              value={values.threshold}
              error={errorOf('threshold')}
              disabled={disabled}
              onChange={(v) => set('threshold', v)}
            />
            <PercentInput
              name="reducedRate"
              label={L.reducedRate}
              value={values.reducedRate}
              error={errorOf('reducedRate')}
              disabled={disabled}
              onChange={(v) => set('reducedRate', v)}
            />
          </div>
          <Field label={L.reductionMode} validationState={errorOf('reductionMode') ? 'error' : 'none'} validationMessage={errorOf('reductionMode')}>
            <RadioGroup
              name="reductionMode"
              value={values.reductionMode}
              disabled={disabled}
              onChange={(_, d) => set('reductionMode', d.value as ContractFormValues['reductionMode'])}
            >
              <Radio value="new_work_only" label={L.mode.new_work_only} />
              <Radio value="rerate_all" label={L.mode.rerate_all} />
            </RadioGroup>
          </Field>
        </div>
      )}
    </div>
  );
}

/** The sentence under a field: the pane's own check in the user's language, or the server's. */
export function fieldText(problems: FieldProblems, L: ContractLabels, typed: (field: FormField) => string): FieldText {
  return (field) => {
    const p = problems[field];
    if (!p) return undefined;
    if ('server' in p) return p.server;
    if ('days' in p) return p.days === 'required' ? L.required : p.days === 'not_whole' ? L.daysNotWhole(typed(field)) : L.daysRange(p.min, p.max);
    switch (p.problem) {
      case 'required':
        return L.required;
      case 'not_number':
        return L.pctNotNumber(typed(field));
      case 'too_precise':
        return L.pctTooPrecise;
      case 'range':
        return L.pctRange;
    }
  };
}
