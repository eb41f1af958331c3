// Problems of an import as the user finds them in Excel: the sheet row number Excel shows, the
// column letter and its header, and why — for the pane's own pre-check and for the server's 422
// alike (both say "lines.<index>.<field>", shared/sov/sov-rules.ts).
import type { ErrorDetail } from '@shared/errors';
import { sovLineField } from '@shared/sov/sov-rules';
import { columnLetter } from '../../excel/a1';
import type { SheetBlock } from '../../excel/read-block';
import type { SovLineDraft } from './parse-block';
import type { ColumnMapping, SovField } from './sov-columns';

export type SheetProblem = {
  /** 1-based, as Excel numbers rows; null for a problem of the whole import */
  row: number | null;
  /** "D"; null when the field has no column */
  column: string | null;
  /** the column's header text in the block, when it has one */
  header: string | null;
  field: SovField | null;
  code: string;
  /** the parser's or server's words, the fallback when the pane has no translation for the code */
  message: string;
  /** the cell as read, when the pane's check found the problem */
  shown?: string;
  /** for a duplicate item no.: the row that has it first */
  firstRow?: number;
  itemNo?: string;
};

export type ProblemContext = {
  block: SheetBlock;
  headerRow: number | null;
  mapping: ColumnMapping;
  rowOf: number[];
  lines: SovLineDraft[];
};

export function toSheetProblems(details: Array<ErrorDetail & { shown?: string }>, ctx: ProblemContext): SheetProblem[] {
  const firstRowOf = new Map<string, number>();
  ctx.lines.forEach((l, i) => {
    const key = typeof l.itemNo === 'string' ? l.itemNo.trim() : '';
    if (!firstRowOf.has(key)) firstRowOf.set(key, ctx.rowOf[i] + 1);
  });
  const out = details.map((d): SheetProblem => {
    const f = sovLineField(d.field);
    if (!f || ctx.rowOf[f.index] === undefined) return { row: null, column: null, header: null, field: null, code: d.code, message: d.message };
    const field = (f.key || null) as SovField | null;
    const col = field === null ? undefined : ctx.mapping[field];
    const header = col !== undefined && ctx.headerRow !== null ? String(ctx.block.values[ctx.headerRow]?.[col] ?? '').trim() || null : null;
    const problem: SheetProblem = {
      row: ctx.rowOf[f.index] + 1,
      column: col === undefined ? null : columnLetter(ctx.block.left + col),
      header,
      field,
      code: d.code,
      message: d.message,
      ...(d.shown === undefined ? {} : { shown: d.shown }),
    };
    if (d.code === 'DUPLICATE_ITEM_NO') {
      const itemNo = String(ctx.lines[f.index]?.itemNo ?? '').trim();
      return { ...problem, itemNo, firstRow: firstRowOf.get(itemNo) };
    }
    return problem;
  });
  // In sheet order: row, then column (A before B, Z before AA).
  const colKey = (c: string | null) => (c === null ? '' : c.padStart(3, ' '));
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || colKey(a.column).localeCompare(colKey(b.column)));
}
