// Cells of a read block (excel/read-block.ts) → replace-SOV lines, with every cell that cannot be
// read named. Numbers go through the shared input parsers (shared/money.ts: a number cell by its
// shortest decimal string, text by the chosen notation, more decimals than the unit allows is an
// error); the line rules themselves are the server's (shared/sov/sov-rules.ts), run afterwards.
import type { z } from 'zod';
import type { ZSovLineInput } from '@shared/api/contracts';
import type { AccountingMethod } from '@shared/engine/types';
import type { ErrorDetail } from '@shared/errors';
import { parseMoneyInput, parsePercentInput, parseQtyInput, parseUnitPriceInput, type InputError } from '@shared/money';
import { checkSovRequest, sovLineField } from '@shared/sov/sov-rules';
import type { SheetBlock } from '../../excel/read-block';
import { convertedAs, convertedMessage } from '../../excel/typed-cells';
import type { CellValue } from '../../excel/units';
import type { ColumnMapping, SovField } from './sov-columns';

export type SovLineDraft = z.input<typeof ZSovLineInput>;

export type ParseOptions = {
  method: AccountingMethod;
  mapping: ColumnMapping;
  /** block row of the header (null: every row is data) */
  headerRow: number | null;
  /** how numbers written as text read: 'en' 1,234.56 · 'es' 1.234,56 · 'fr' 1 234,56 */
  notation: string;
};

export type ParsedBlock = {
  lines: SovLineDraft[];
  /** 0-based sheet row of each line (blank rows are skipped, so lines and rows differ) */
  rowOf: number[];
  /** cells that could not be read, then the line rules' findings: field "lines.<i>.<field>" */
  problems: CellProblem[];
};

/** A problem of one cell; `shown` is the cell as read, for the pane's translated sentence. */
export type CellProblem = ErrorDetail & { shown?: string };

const TEXT_FIELDS = new Set<SovField>(['itemNo', 'costCode', 'description', 'group', 'unitOfMeasure']);

type Cell = { value: CellValue; type: string; format: string; text: string };

const isBlank = (c: Cell) => c.type === 'Empty' || (typeof c.value === 'string' && c.value.trim() === '');

/** Text of a text field: what the cell shows for a number ("0012" under format 0000), else the value. */
function textValue(c: Cell): string {
  if (typeof c.value === 'number') return (c.text || String(c.value)).trim();
  return String(c.value).trim();
}

type Read = { ok: true; value: number | undefined } | InputError | { ok: false; code: 'CONVERTED'; message: string; shown: string };

function readNumber(field: SovField, c: Cell, notation: string): Read {
  if (isBlank(c)) return { ok: true, value: undefined };
  if (field === 'workRetainageBps' || field === 'storedRetainageBps') {
    const r = parsePercentInput(c.value, { isFraction: /%/.test(c.format), locale: notation });
    return r.ok ? { ok: true, value: r.bps } : r;
  }
  const converted = convertedAs(c.value, c.format);
  if (converted) return { ok: false, code: 'CONVERTED', message: convertedMessage(converted), shown: `${converted.as}|${converted.text}` };
  const locale = { locale: notation };
  const r =
    field === 'scheduledValueCents'
      ? parseMoneyInput(c.value, locale)
      : field === 'scheduledQty'
        ? parseQtyInput(c.value, locale)
        : parseUnitPriceInput(c.value, locale);
  if (!r.ok) return r;
  return { ok: true, value: 'cents' in r ? r.cents : r.qty };
}

export function parseBlock(block: SheetBlock, o: ParseOptions): ParsedBlock {
  const lines: SovLineDraft[] = [];
  const rowOf: number[] = [];
  const cellProblems: CellProblem[] = [];
  const mapped = Object.entries(o.mapping) as Array<[SovField, number]>;
  const start = o.headerRow === null ? 0 : o.headerRow + 1;
  for (let r = start; r < block.values.length; r++) {
    const cells: Cell[] = block.values[r].map((value, j) => ({
      value,
      type: block.types[r]?.[j] ?? 'String',
      format: block.numberFormats[r]?.[j] ?? 'General',
      text: block.texts[r]?.[j] ?? '',
    }));
    if (cells.every(isBlank)) continue;
    const i = lines.length;
    const line: Record<string, unknown> = { itemNo: '', description: '' };
    for (const [field, col] of mapped) {
      const c = cells[col] ?? { value: '', type: 'Empty', format: 'General', text: '' };
      const at = (code: string, message: string, shown: string) => cellProblems.push({ field: `lines.${i}.${field}`, code, message, shown });
      if (c.type === 'Error') {
        at('EXCEL_ERROR', `the cell shows the Excel error ${String(c.value)}`, String(c.value));
        continue;
      }
      if (TEXT_FIELDS.has(field)) {
        const t = isBlank(c) ? '' : textValue(c);
        if (field === 'group') line.group = t === '' ? null : t;
        else if (field === 'unitOfMeasure') line.unitOfMeasure = t === '' ? undefined : t;
        else line[field] = t;
        continue;
      }
      const n = readNumber(field, c, o.notation);
      if (n.ok) {
        if (n.value !== undefined) line[field] = n.value;
      } else at(n.code, n.message, 'shown' in n ? n.shown : String(c.value).trim());
    }
    lines.push(line as SovLineDraft);
    rowOf.push(block.top + r);
  }
  // The server's checks on what could be read; a cell already named above is not named twice.
  const named = new Set(cellProblems.map((p) => p.field));
  const rules = checkSovRequest(o.method, { lines }).filter((d) => {
    const f = sovLineField(d.field);
    return !f || !named.has(`lines.${f.index}.${f.key}`);
  });
  return { lines, rowOf, problems: [...cellProblems, ...rules] };
}
