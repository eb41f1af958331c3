// The invoice's general information (the G702 header): shown with where each value comes from,
// editable while the invoice is (PATCH /invoices/{id}, version-checked like line edits). After a
// save the new view goes through the session, which rewrites the G702 sheet's header block.
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { generalInfoFields, generalInfoLabels, type GeneralInfoField } from '@shared/i18n/general-info-labels';
import { useEffect, useState } from 'react';
import type { InvoiceView } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import type { TabContext } from '../tabs/tab-types';
import { errorText } from '../workspace/error-text';
import { generalInfoTabLabels } from './labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const DATE_FIELDS: ReadonlySet<GeneralInfoField> = new Set(['applicationDate', 'contractDate']);

type Values = Record<GeneralInfoField, string>;
const valuesOf = (view: InvoiceView): Values => Object.fromEntries(generalInfoFields.map((f) => [f, view.generalInfo[f] ?? ''])) as Values;

export function GeneralInfoPanel({ api, view, i18n, setView }: TabContext) {
  const L = useLabels(generalInfoTabLabels);
  const F = useLabels(generalInfoLabels);
  const styles = useStyles();
  const [values, setValues] = useState<Values>(() => valuesOf(view));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const overridden = new Set(view.generalInfo.overridden);
  const canEdit = view.invoice.isEditable;

  // New general information (saved here, or by someone else and refreshed) resets the form; a
  // line save elsewhere (a new view, same information) leaves what the user is typing alone.
  const infoKey = JSON.stringify(view.generalInfo);
  useEffect(() => setValues(valuesOf(view)), [infoKey]);

  const save = async (fields: Partial<Record<GeneralInfoField, string | null>>) => {
    if (!Object.keys(fields).length) return setNotice(L.nothingChanged);
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setView(await api.updateGeneralInfo(view.invoice.id, view.invoice.version, fields));
      setNotice(L.saved);
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  };
  // Only what the user changed goes; an emptied field means "the default again".
  const changed = () =>
    Object.fromEntries(
      generalInfoFields.filter((f) => values[f].trim() !== (view.generalInfo[f] ?? '')).map((f) => [f, values[f].trim() === '' ? null : values[f].trim()]),
    );

  return (
    <form
      className={styles.form}
      data-testid="general-info-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(changed());
      }}
    >
      <Caption1 className={styles.hint}>{L.intro}</Caption1>
      {!canEdit && view.invoice.notEditableReason && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{L.readOnly(view.invoice.notEditableReason)}</MessageBarBody>
        </MessageBar>
      )}
      {generalInfoFields.map((f) => (
        <Field
          key={f}
          label={F[f]}
          hint={
            overridden.has(f) ? (
              <span>
                {L.setOnInvoice}
                {canEdit && (
                  <Button size="small" appearance="transparent" disabled={busy} onClick={() => void save({ [f]: null })} data-testid={`default-${f}`}>
                    {L.useDefault}
                  </Button>
                )}
              </span>
            ) : (
              L.fromContract
            )
          }
        >
          <Input
            name={f}
            type={DATE_FIELDS.has(f) ? 'date' : 'text'}
            value={values[f]}
            disabled={!canEdit || busy}
            onChange={(_, d) => setValues((v) => ({ ...v, [f]: d.value }))}
          />
        </Field>
      ))}
      <ErrorBar message={error} />
      {notice && (
        <MessageBar layout="multiline" intent="success" data-testid="general-info-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {canEdit && (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy} data-testid="general-info-save">
            {busy ? L.saving : L.save}
          </Button>
        </div>
      )}
    </form>
  );
}
