// The formula language the workbook double computes: what the add-in writes (excel/layout.ts,
// excel/g702-plan.ts, excel/aging-plan.ts) and what its tests type, nothing more. Anything else
// is refused where it is written (FormulaRefusal), never computed approximately.

export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A' | '#NULL!';

/** An error value in a cell (#DIV/0!, #REF!…): one instance per code. */
export class CellError {
  private constructor(readonly code: ErrorCode) {}
  private static readonly all = new Map<string, CellError>();
  static of(code: ErrorCode): CellError {
    let e = CellError.all.get(code);
    if (!e) CellError.all.set(code, (e = new CellError(code)));
    return e;
  }
}

export const ERROR_CODES: readonly ErrorCode[] = ['#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#NULL!'];

/** A computed value; `null` is an empty cell (0 in arithmetic, "" in text). */
export type Value = number | string | boolean | CellError;
export type Operand = Value | null;

/**
 * A reference. Each coordinate is absolute ($) or relative: a relative one holds the offset from
 * the formula's own cell, so one tree serves every row that has the same formula shape.
 */
export type RefNode = {
  k: 'ref';
  sheet: string | null;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  ar0: boolean;
  ac0: boolean;
  ar1: boolean;
  ac1: boolean;
  range: boolean;
};

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

export type Node =
  | { k: 'num'; v: number; text: string }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  /** an error literal as written: #REF!, 'G703'!#REF!, #REF!A1 (a reference to a deleted sheet) */
  | { k: 'err'; code: ErrorCode; text: string }
  /** a name that is neither a reference nor a function: Excel shows #NAME? (the double defines no names) */
  | { k: 'name'; name: string }
  | RefNode
  | { k: 'neg' | 'plus' | 'pct' | 'paren'; a: Node }
  | { k: 'bin'; op: BinaryOp; a: Node; b: Node }
  | { k: 'call'; fn: string; args: Node[] };

/** A formula the double will not compute: its language is only what the add-in writes. */
export class FormulaRefusal extends Error {}
