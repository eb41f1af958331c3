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
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient, Contract, MeResponse, Project } from '../../api';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import { errorText } from '../workspace/error-text';
import { bodyOf, emptyForm, formOf, problemsFromServer, type ContractFormValues, type FieldProblems, type FormField } from './contract-form-state';
import { contractLabels } from './labels';
import { PeopleChecklist } from './people-checklist';
import { PaymentTermsFields } from './payment-terms-fields';
import { fieldText, RetainageFields } from './retainage-fields';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // long company names must not widen the pane
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  sub: { color: tokens.colorNeutralForeground3 },
  buttons: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-end',
    position: 'sticky',
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

type Props = {
  api: ApiClient;
  me: MeResponse;
  project: Project;
  /** null: a new contract */
  contract: Contract | null;
  canEdit: boolean;
  onSaved: (contract: Contract) => void;
  onCancel?: () => void;
};

/**
 * Contract setup, for a new contract and an existing one: type and accounting method (fixed after
 * creation), general information, retainage terms, overbilling, private list and invoice contacts.
 * Percentages are checked in the pane first (percent.ts); what the server refuses is shown on the
 * field its error names.
 */
export function ContractForm({ api, me, project, contract, canEdit, onSaved, onCancel }: Props) {
  const i18n = useI18n();
  const L = useLabels(contractLabels);
  const styles = useStyles();
  const [values, setValues] = useState<ContractFormValues>(() =>
    contract ? formOf(contract, i18n.lang) : emptyForm(project.permissions.primeContracts === 'admin' ? 'prime' : 'commitment'),
  );
  const [problems, setProblems] = useState<FieldProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // after a refused save, take the user to the first field that says why (a long form in a narrow pane)
  const [showFirstProblem, setShowFirstProblem] = useState(0);
  useEffect(() => {
    if (!showFirstProblem) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [showFirstProblem]);
  const directory = useLoad(project.id, (id) => api.setup.directory(id));
  const people = directory.data?.people ?? [];
  // the counterparty is another company of the project (the owner, a subcontractor), never one's own
  const companies = [...new Map(people.filter((p) => p.companyId !== me.user.companyId).map((p) => [p.companyId, p.companyName])).entries()];
  const disabled = !canEdit || busy;
  const isNew = contract === null;

  function set<K extends FormField>(field: K, value: ContractFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
    setSaved(false);
  }
  const errorOf = fieldText(problems, L, (f) => String(values[f]));
  const fieldProps = (field: FormField) => ({ validationState: errorOf(field) ? ('error' as const) : ('none' as const), validationMessage: errorOf(field) });

  async function save() {
    setError(null);
    setSaved(false);
    const r = bodyOf(values);
    if (!r.ok) {
      setProblems(r.problems);
      setError(L.fixErrors);
      setShowFirstProblem((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const next = isNew
        ? await api.setup.createContract(project.id, { kind: values.kind, accountingMethod: values.accountingMethod, ...r.body })
        : await api.setup.updateContract(contract.id, r.body);
      setProblems({});
      setSaved(true);
      onSaved(next);
    } catch (err) {
      if (isApiError(err) && err.details.length) {
        const placed = problemsFromServer(err.details);
        setProblems(placed.fields);
        setError([err.message, ...placed.other].join(' '));
        setShowFirstProblem((n) => n + 1);
      } else setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className={styles.form}
      data-testid="contract-form"
      aria-label={isNew ? L.newContract : L.tabSetup}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {!canEdit && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{L.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {isNew ? (
        <>
          <Field label={L.kindLabel}>
            <RadioGroup name="kind" layout="horizontal" value={values.kind} onChange={(_, d) => set('kind', d.value as Contract['kind'])}>
              <Radio value="prime" label={L.kind.prime} disabled={project.permissions.primeContracts !== 'admin'} />
              <Radio value="commitment" label={L.kind.commitment} disabled={project.permissions.commitments !== 'admin'} />
            </RadioGroup>
          </Field>
          <Field label={L.methodLabel} hint={L.methodFixed}>
            <RadioGroup
              name="accountingMethod"
              value={values.accountingMethod}
              onChange={(_, d) => set('accountingMethod', d.value as Contract['accountingMethod'])}
            >
              <Radio value="amount" label={L.method.amount} />
              <Radio value="unit" label={L.method.unit} />
            </RadioGroup>
          </Field>
        </>
      ) : (
        <Field label={L.methodLabel} hint={L.methodFixed}>
          <Text data-testid="accounting-method">{`${L.kind[values.kind]} · ${L.method[values.accountingMethod]}`}</Text>
        </Field>
      )}
      <Field label={L.title} required {...fieldProps('title')}>
        <Input name="title" value={values.title} disabled={disabled} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <Field label={L.counterparty(values.kind)} {...fieldProps('counterpartyCompanyId')}>
        <Select
          className={styles.select}
          name="counterparty"
          value={values.counterpartyCompanyId}
          disabled={disabled}
          onChange={(_, d) => set('counterpartyCompanyId', d.value)}
        >
          <option value="">{L.noCompany}</option>
          {companies.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={L.contractDate} {...fieldProps('contractDate')}>
        <Input type="date" name="contractDate" value={values.contractDate} disabled={disabled} onChange={(_, d) => set('contractDate', d.value)} />
      </Field>
      <Field label={L.architect} {...fieldProps('architect')}>
        <Input name="architect" value={values.architect} disabled={disabled} onChange={(_, d) => set('architect', d.value)} />
      </Field>
      <Field label={L.description} {...fieldProps('description')}>
        <Textarea name="description" value={values.description} disabled={disabled} resize="vertical" onChange={(_, d) => set('description', d.value)} />
      </Field>
      <RetainageFields L={L} values={values} set={set} errorOf={errorOf} disabled={disabled} />
      <Checkbox
        name="allowOverbilling"
        label={L.allowOverbilling}
        checked={values.allowOverbilling}
        disabled={disabled}
        onChange={(_, d) => set('allowOverbilling', d.checked === true)}
      />
      <PaymentTermsFields L={L} values={values} set={set} errorOf={errorOf} disabled={disabled} />
      <ErrorBar message={directory.error} />
      <Switch name="isPrivate" label={L.isPrivate} checked={values.isPrivate} disabled={disabled} onChange={(_, d) => set('isPrivate', d.checked)} />
      {values.isPrivate && (
        <PeopleChecklist
          name="privateUserIds"
          label={L.privateList}
          people={people.filter((p) => p.isMember)}
          value={values.privateUserIds}
          onChange={(ids) => set('privateUserIds', ids)}
          disabled={disabled}
          error={errorOf('privateUserIds')}
          emptyText={L.nobody}
        />
      )}
      <PeopleChecklist
        name="invoiceContactUserIds"
        label={L.invoiceContacts}
        hint={L.invoiceContactsHint}
        people={people}
        value={values.invoiceContactUserIds}
        onChange={(ids) => set('invoiceContactUserIds', ids)}
        disabled={disabled}
        error={errorOf('invoiceContactUserIds')}
        emptyText={L.nobody}
      />
      <ErrorBar message={error} />
      {saved && !isNew && (
        <MessageBar layout="multiline" intent="success" data-testid="contract-saved">
          <MessageBarBody>{L.saved}</MessageBarBody>
        </MessageBar>
      )}
      {canEdit && (
        <div className={styles.buttons}>
          {onCancel && <Button onClick={onCancel}>{L.cancel}</Button>}
          <Button appearance="primary" type="submit" disabled={busy} data-testid="contract-save">
            {busy ? L.saving : isNew ? L.create : L.save}
          </Button>
        </div>
      )}
    </form>
  );
}
