import { Button, Combobox, Field, Input, Option, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { createChangeOrder } from '@shared/api/routes/contracts';
import type { TSovView } from '@shared/api/contract-views';
import { formatCents } from '@shared/money';
import type { ApiClient } from '../../api';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { serverFieldErrors, toRequest, type CoForm, type CoRow, type FieldErrors } from './co-form';
import { changeOrderLabels } from './labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type SovLine = TSovView['lines'][number];
type Props = { api: ApiClient; contractId: string; sov: SovLine[]; onCreated: (number: number) => void; onCancel: () => void };

let nextKey = 1;
const blankRow = (): CoRow => ({ key: nextKey++, mode: 'existing', lineId: null, amount: '' });

/** Lines whose item no. starts with, or whose description contains, what was typed (at most 50). */
function matching(lines: SovLine[], query: string): SovLine[] {
  const q = query.trim().toLowerCase();
  const hits = q ? lines.filter((l) => l.itemNo.toLowerCase().startsWith(q) || l.description.toLowerCase().includes(q)) : lines;
  return hits.slice(0, 50);
}

const lineLabel = (l: SovLine) => `${l.itemNo} · ${l.description}`;

/** A line of the schedule, found by typing its item no. or words of its description. */
function LinePicker({ sov, testId, noMatch, onPick }: { sov: SovLine[]; testId: string; noMatch: string; onPick: (lineId: string | null) => void }) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const shown = matching(sov, picked ? '' : query);
  return (
    <Combobox
      freeform
      data-testid={testId}
      value={query}
      selectedOptions={picked ? [picked] : []}
      onInput={(e) => {
        setQuery((e.target as HTMLInputElement).value);
        setPicked(null);
        onPick(null);
      }}
      onOptionSelect={(_, d) => {
        const line = sov.find((l) => l.id === d.optionValue) ?? null;
        setPicked(line?.id ?? null);
        setQuery(line ? lineLabel(line) : '');
        onPick(line?.id ?? null);
      }}
    >
      {shown.map((l) => (
        <Option key={l.id} value={l.id} text={lineLabel(l)}>
          {lineLabel(l)}
        </Option>
      ))}
      {shown.length === 0 && (
        <Option disabled value="" text={noMatch}>
          {noMatch}
        </Option>
      )}
    </Combobox>
  );
}

/** Create a change order: several lines, each on a line of the schedule or as a new line. */
export function ChangeOrderForm({ api, contractId, sov, onCreated, onCancel }: Props) {
  const { lang, t } = useI18n();
  const L = useLabels(changeOrderLabels);
  const styles = useStyles();
  const [form, setForm] = useState<CoForm>({ title: '', rows: [blankRow()] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const itemNos = useMemo(() => new Set(sov.map((l) => l.itemNo)), [sov]);
  const example = formatCents(125000, lang);

  const setRow = (i: number, next: CoRow) => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? next : r)) }));
  const problem = (key: string) => (errors[key] ? L.problem[errors[key]] : undefined);

  async function save() {
    const built = toRequest(form, lang, itemNos);
    if (!built.ok) {
      setErrors(built.errors);
      setMessage(L.fixFields);
      return;
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      const co = await api.call(createChangeOrder, { param: { id: contractId }, json: built.body });
      onCreated(co.number);
    } catch (err) {
      if (isApiError(err)) setErrors(serverFieldErrors(err.details));
      setMessage(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.form} data-testid="co-form">
      <Field label={L.title} required validationMessage={problem('title')}>
        <Input value={form.title} placeholder={L.titleHint} onChange={(_, d) => setForm((f) => ({ ...f, title: d.value }))} data-testid="co-title" />
      </Field>
      {form.rows.map((row, i) => (
        <div className={styles.row} key={row.key} data-testid={`co-row-${i}`}>
          <div className={styles.rowHead}>
            <RadioGroup
              layout="horizontal"
              value={row.mode}
              onChange={(_, d) =>
                setRow(
                  i,
                  d.value === 'new'
                    ? { key: row.key, mode: 'new', itemNo: '', description: '', amount: row.amount }
                    : { key: row.key, mode: 'existing', lineId: null, amount: row.amount },
                )
              }
            >
              <Radio value="existing" label={L.onLine} />
              <Radio value="new" label={L.newLine} data-testid={`co-row-${i}-new`} />
            </RadioGroup>
            {form.rows.length > 1 && (
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={L.removeLine}
                title={L.removeLine}
                onClick={() => setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }))}
              />
            )}
          </div>
          {row.mode === 'existing' ? (
            <Field label={L.findLine} required validationMessage={problem(`rows.${i}.lineId`)}>
              <LinePicker sov={sov} testId={`co-row-${i}-line`} noMatch={L.noMatch} onPick={(lineId) => setRow(i, { ...row, lineId })} />
            </Field>
          ) : (
            <>
              <Field label={L.itemNo} required validationMessage={problem(`rows.${i}.itemNo`)}>
                <Input value={row.itemNo} onChange={(_, d) => setRow(i, { ...row, itemNo: d.value })} data-testid={`co-row-${i}-item`} />
              </Field>
              <Field label={L.description} required validationMessage={problem(`rows.${i}.description`)}>
                <Input value={row.description} onChange={(_, d) => setRow(i, { ...row, description: d.value })} data-testid={`co-row-${i}-description`} />
              </Field>
            </>
          )}
          <Field label={L.amount} required hint={L.amountHint(example)} validationMessage={problem(`rows.${i}.amount`)}>
            <Input inputMode="decimal" value={row.amount} onChange={(_, d) => setRow(i, { ...row, amount: d.value })} data-testid={`co-row-${i}-amount`} />
          </Field>
        </div>
      ))}
      <Button size="small" icon={<AddRegular />} onClick={() => setForm((f) => ({ ...f, rows: [...f.rows, blankRow()] }))}>
        {L.addLine}
      </Button>
      <ErrorBar message={message} />
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={busy} onClick={save} data-testid="co-save">
          {busy ? L.saving : L.save}
        </Button>
        <Button size="small" onClick={onCancel}>
          {L.closeForm}
        </Button>
      </div>
    </div>
  );
}
