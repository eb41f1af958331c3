// What was read, every problem by sheet row and column (first: it is what needs attention), the
// import button (disabled while one problem remains), the first lines as they will be saved, and
// how the columns map (guessed; every choice can be changed).
import { Button, Checkbox, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AccountingMethod } from '@shared/engine/types';
import { formatCents, formatQty } from '@shared/money';
import { columnLetter } from '../../excel/a1';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { sovLabels } from './labels';
import { problemText } from './problem-text';
import { fieldsFor, requiredFields } from './sov-columns';
import type { useSovImport } from './use-sov-import';

const PREVIEW_LINES = 5;
const PROBLEMS_SHOWN = 50;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, auto) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    alignItems: 'center',
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { textAlign: 'left', padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  num: { textAlign: 'right !important' as 'right', whiteSpace: 'nowrap' },
  scroll: { overflowX: 'auto' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '16em', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = { imp: ReturnType<typeof useSovImport>; method: AccountingMethod; onImport: () => void };

export function SovImportPanel({ imp, method, onImport }: Props) {
  const L = useLabels(sovLabels);
  const { lang } = useI18n();
  const styles = useStyles();
  const { setup, parsed, problems, missing } = imp;
  if (!setup) return null;
  const { block } = setup;
  const width = block.values[0]?.length ?? 0;
  const headerOf = (col: number) => (setup.headerRow === null ? '' : String(block.values[setup.headerRow]?.[col] ?? '').trim());
  const required = new Set(requiredFields(method));
  const preview = (parsed?.lines.slice(0, PREVIEW_LINES) ?? []).map((line, i) => ({ line, row: parsed?.rowOf[i] ?? i }));
  const columns = Array.from({ length: width }, (_, col) => ({ col, letter: columnLetter(block.left + col), header: headerOf(col) }));
  const money = (c: unknown) => (typeof c === 'number' ? formatCents(c, lang) : '');
  const qty = (q: unknown) => (typeof q === 'number' ? formatQty(q) : '');

  return (
    <div className={styles.box} data-testid="sov-import">
      <Text weight="semibold" data-testid="sov-source">
        {L.source(`${block.sheet}!${block.address}`, parsed?.lines.length ?? block.values.length - (setup.headerRow === null ? 0 : setup.headerRow + 1))}
      </Text>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="sov-problems">
          <MessageBarBody>
            <Text weight="semibold" block>
              {L.problems(problems.length)}
            </Text>
            <ul className={styles.problems}>
              {problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                <li key={`${p.row}:${p.field}:${p.code}:${p.message}`} data-testid="sov-problem">
                  {problemText(p, L)}
                </li>
              ))}
            </ul>
            {problems.length > PROBLEMS_SHOWN && <Text block>{L.more(problems.length - PROBLEMS_SHOWN)}</Text>}
            <Text block className={styles.muted}>
              {L.fixHint}
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={imp.isBusy || !parsed || problems.length > 0 || parsed.lines.length === 0}
        onClick={onImport}
        data-testid="sov-import-button"
      >
        {imp.isBusy ? L.importing : L.importLines(parsed?.lines.length ?? 0)}
      </Button>
      {preview.length > 0 && (
        <>
          <Text weight="semibold">{L.preview}</Text>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="sov-preview">
              <thead>
                <tr>
                  <th>{L.fields.itemNo}</th>
                  <th>{L.fields.description}</th>
                  {method === 'amount' ? (
                    <th className={styles.num}>{L.fields.scheduledValueCents}</th>
                  ) : (
                    <>
                      <th className={styles.num}>{L.fields.scheduledQty}</th>
                      <th>{L.fields.unitOfMeasure}</th>
                      <th className={styles.num}>{L.fields.unitPrice}</th>
                    </>
                  )}
                  <th>{L.fields.group}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map(({ line: l, row }) => (
                  <tr key={row}>
                    <td>{l.itemNo}</td>
                    <td>{l.description}</td>
                    {method === 'amount' ? (
                      <td className={styles.num}>{money(l.scheduledValueCents)}</td>
                    ) : (
                      <>
                        <td className={styles.num}>{qty(l.scheduledQty)}</td>
                        <td>{l.unitOfMeasure}</td>
                        <td className={styles.num}>{qty(l.unitPrice)}</td>
                      </>
                    )}
                    <td>{l.group ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Checkbox
        label={L.hasHeader}
        checked={setup.headerRow !== null}
        onChange={(_, d) => imp.update({ headerRow: d.checked ? 0 : null })}
        data-testid="sov-has-header"
      />
      <div className={styles.grid}>
        <Text>{L.notation}</Text>
        <Select size="small" value={setup.notation} onChange={(_, d) => imp.update({ notation: d.value })} data-testid="sov-notation">
          <option value="en">1,234.56</option>
          <option value="es">1.234,56</option>
          <option value="fr">1 234,56</option>
        </Select>
      </div>
      <Text weight="semibold">{L.columnsTitle}</Text>
      <div className={styles.grid}>
        {fieldsFor(method).map((field) => (
          <FieldRow key={field} label={`${L.fields[field]}${required.has(field) ? ` (${L.requiredMark})` : ''}`}>
            <Select
              size="small"
              value={setup.mapping[field] === undefined ? '' : String(setup.mapping[field])}
              onChange={(_, d) => imp.update({ field, column: d.value === '' ? null : Number(d.value) })}
              data-testid={`sov-map-${field}`}
            >
              <option value="">{L.notImported}</option>
              {columns.map((c) => (
                <option key={c.letter} value={String(c.col)}>
                  {L.column(c.letter, c.header)}
                </option>
              ))}
            </Select>
          </FieldRow>
        ))}
      </div>
      {missing.length > 0 && (
        <MessageBar layout="multiline" intent="warning" data-testid="sov-missing">
          <MessageBarBody>{L.missing(missing.map((f) => L.fields[f]).join(', '))}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function FieldRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size={200}>{label}</Text>
      {children}
    </>
  );
}
