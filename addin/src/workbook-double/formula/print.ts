// Tree → formula text in Excel's canonical form (upper-case names and references, no spaces,
// sheet names quoted only when needed), for formulas whose references moved.

import { columnLetter } from '../../excel/a1';
import type { Node, RefNode } from './ast';
import { quoteIfNeeded } from './parser';

const corner = (r: number, c: number, ar: boolean, ac: boolean, row: number, col: number) =>
  `${ac ? '$' : ''}${columnLetter(ac ? c : col + c)}${ar ? '$' : ''}${(ar ? r : row + r) + 1}`;

function ref(n: RefNode, row: number, col: number): string {
  const sheet = n.sheet === null ? '' : `${quoteIfNeeded(n.sheet)}!`;
  const a = corner(n.r0, n.c0, n.ar0, n.ac0, row, col);
  return n.range ? `${sheet}${a}:${corner(n.r1, n.c1, n.ar1, n.ac1, row, col)}` : `${sheet}${a}`;
}

/** The formula ("=…") of a tree that belongs to the cell (row, col). */
export function printFormula(tree: Node, row = 0, col = 0): string {
  const p = (n: Node): string => {
    switch (n.k) {
      case 'num':
        return String(n.v).toUpperCase();
      case 'str':
        return `"${n.v.replace(/"/g, '""')}"`;
      case 'bool':
        return n.v ? 'TRUE' : 'FALSE';
      case 'err':
        return n.text;
      case 'name':
        return n.name;
      case 'ref':
        return ref(n, row, col);
      case 'neg':
        return `-${p(n.a)}`;
      case 'plus':
        return `+${p(n.a)}`;
      case 'pct':
        return `${p(n.a)}%`;
      case 'paren':
        return `(${p(n.a)})`;
      case 'bin':
        return `${p(n.a)}${n.op}${p(n.b)}`;
      case 'call':
        return `${n.fn}(${n.args.map(p).join(',')})`;
    }
  };
  return `=${p(tree)}`;
}
