import { Field, Input, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContractFormValues, FormField } from './contract-form-state';
import type { ContractLabels } from './labels';
import type { FieldText } from './retainage-fields';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  input: { minWidth: 0, width: '100%' },
  sub: { color: tokens.colorNeutralForeground3 },
  nested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
});

type Props = {
  L: ContractLabels;
  values: ContractFormValues;
  set: <K extends FormField>(field: K, value: ContractFormValues[K]) => void;
  errorOf: FieldText;
  disabled: boolean;
};

/**
 * Payment terms (the aging clock: due = submitted + terms, shared/payments/clock.ts) and the
 * opt-in reminders on overdue invoices with their cadence. Days are checked by days.ts on save.
 */
export function PaymentTermsFields({ L, values, set, errorOf, disabled }: Props) {
  const styles = useStyles();
  const state = (field: FormField) => ({ validationState: errorOf(field) ? ('error' as const) : ('none' as const), validationMessage: errorOf(field) });
  return (
    <div className={styles.section} role="group" aria-label={L.gettingPaid} data-testid="payment-terms">
      <Text weight="semibold">{L.gettingPaid}</Text>
      <Field label={L.paymentTerms} hint={L.paymentTermsHint} {...state('paymentTermsDays')}>
        <Input
          className={styles.input}
          name="paymentTermsDays"
          inputMode="numeric"
          value={values.paymentTermsDays}
          disabled={disabled}
          onChange={(_, d) => set('paymentTermsDays', d.value)}
        />
      </Field>
      <Switch
        name="remindersEnabled"
        label={L.remindersEnabled}
        checked={values.remindersEnabled}
        disabled={disabled}
        onChange={(_, d) => set('remindersEnabled', d.checked)}
      />
      {values.remindersEnabled && (
        <div className={styles.nested}>
          <Text size={200} className={styles.sub}>
            {L.remindersHint}
          </Text>
          <Field label={L.reminderCadence} {...state('reminderCadenceDays')}>
            <Input
              className={styles.input}
              name="reminderCadenceDays"
              inputMode="numeric"
              value={values.reminderCadenceDays}
              disabled={disabled}
              onChange={(_, d) => set('reminderCadenceDays', d.value)}
            />
          </Field>
        </div>
      )}
    </div>
  );
}
