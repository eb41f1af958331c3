// The import's state: read a block from Excel, guess its header and columns, parse and check every
// cell on each change of the mapping, send all lines in ONE request, and map the server's 422
// back to sheet rows. Nothing is sent while a problem remains. Each phase leaves a User Timing
// measure (sov:read, sov:validate, sov:request) that `npm run bench` reads (scripts/bench/sov-import.mjs).
import { useMemo, useState } from 'react';
import * as contractRoutes from '@shared/api/routes/contracts';
import type { TSovView } from '@shared/api/contract-views';
import type { AccountingMethod } from '@shared/engine/types';
import { isApiError, type ApiClient } from '../../api';
import { BlockReadError, readBlock, type BlockSource, type SheetBlock } from '../../excel/read-block';
import { parseBlock, type ParsedBlock } from './parse-block';
import { toSheetProblems, type SheetProblem } from './sheet-problems';
import { detectHeaderRow, guessMapping, missingFields, type ColumnMapping, type SovField } from './sov-columns';

export type ImportSetup = { source: BlockSource; block: SheetBlock; headerRow: number | null; mapping: ColumnMapping; notation: string };

function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

async function timedAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

export function useSovImport(opts: { api: ApiClient; contractId: string; method: AccountingMethod; defaultNotation: string }) {
  const [setup, setSetup] = useState<ImportSetup | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [readError, setReadError] = useState<BlockReadError | Error | null>(null);
  const [serverProblems, setServerProblems] = useState<SheetProblem[] | null>(null);

  const missing = setup ? missingFields(setup.mapping, opts.method) : [];
  const parsed: ParsedBlock | null = useMemo(
    () =>
      setup && missingFields(setup.mapping, opts.method).length === 0
        ? timed('sov:validate', () => parseBlock(setup.block, { ...setup, method: opts.method }))
        : null,
    [setup, opts.method],
  );
  const context = (p: ParsedBlock, s: ImportSetup) => ({ block: s.block, headerRow: s.headerRow, mapping: s.mapping, rowOf: p.rowOf, lines: p.lines });
  const problems = useMemo(() => (parsed && setup ? toSheetProblems(parsed.problems, context(parsed, setup)) : []), [parsed, setup]);

  /** Reads the selection (or a sheet); reading the same place again keeps the user's header and column choices. */
  async function read(source: BlockSource) {
    setBusy(true);
    setReadError(null);
    setServerProblems(null);
    try {
      const block = await timedAsync('sov:read', () => readBlock(source));
      setSetup((prev) => {
        const isSamePlace = prev && prev.block.sheet === block.sheet && prev.block.address === block.address;
        return isSamePlace ? { ...prev, source, block } : freshSetup(source, block, prev?.notation ?? opts.defaultNotation);
      });
    } catch (e) {
      setReadError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  /** The same cells again, wherever the selection now is (on the cell the user just fixed). */
  async function readAgain() {
    if (!setup) return;
    const { source, block } = setup;
    await read(source.kind === 'selection' ? { kind: 'range', sheet: block.sheet, address: block.address } : source);
  }

  function freshSetup(source: BlockSource, block: SheetBlock, notation: string): ImportSetup {
    const headerRow = detectHeaderRow(block.values, opts.method);
    const mapping = headerRow === null ? {} : guessMapping(block.values[headerRow], opts.method);
    return { source, block, headerRow, mapping, notation };
  }

  /**
   * "Save from sheet": reads the sheet the pane wrote (its headers map themselves), checks it like
   * any import and sends it at once when every cell is right; otherwise the problems are shown.
   */
  async function saveFromSheet(name: string): Promise<TSovView | null> {
    setBusy(true);
    setReadError(null);
    setServerProblems(null);
    try {
      const source: BlockSource = { kind: 'sheet', name };
      const block = await timedAsync('sov:read', () => readBlock(source));
      const s = freshSetup(source, block, setup?.notation ?? opts.defaultNotation);
      setSetup(s);
      if (missingFields(s.mapping, opts.method).length) return null;
      const p = timed('sov:validate', () => parseBlock(block, { ...s, method: opts.method }));
      if (p.problems.length || !p.lines.length) return null;
      return await send(p, s);
    } catch (e) {
      if (e instanceof BlockReadError) {
        setReadError(e);
        return null;
      }
      throw e;
    } finally {
      setBusy(false);
    }
  }

  async function send(p: ParsedBlock, s: ImportSetup): Promise<TSovView | null> {
    try {
      return await timedAsync('sov:request', () => opts.api.call(contractRoutes.replaceSov, { param: { id: opts.contractId }, json: { lines: p.lines } }));
    } catch (e) {
      if (isApiError(e, 'VALIDATION_FAILED') && e.details.length) {
        setServerProblems(toSheetProblems(e.details, context(p, s)));
        return null;
      }
      throw e;
    }
  }

  function update(change: Partial<Pick<ImportSetup, 'headerRow' | 'notation'>> & { field?: SovField; column?: number | null }) {
    setServerProblems(null);
    setSetup((prev) => {
      if (!prev) return prev;
      const next = {
        ...prev,
        ...('headerRow' in change ? { headerRow: change.headerRow ?? null } : {}),
        ...(change.notation ? { notation: change.notation } : {}),
      };
      if (change.field) {
        const mapping = { ...prev.mapping };
        // one field per column: taking a column from another field leaves that field unmapped
        for (const [f, c] of Object.entries(mapping)) if (c === change.column) delete mapping[f as SovField];
        if (change.column === null || change.column === undefined) delete mapping[change.field];
        else mapping[change.field] = change.column;
        next.mapping = mapping;
      }
      return next;
    });
  }

  /** PUT every line in one request; resolves with the saved SOV, or null when it was refused. */
  async function importLines(): Promise<TSovView | null> {
    if (!parsed || !setup || problems.length > 0 || parsed.lines.length === 0) return null;
    setBusy(true);
    try {
      return await send(parsed, setup);
    } finally {
      setBusy(false);
    }
  }

  return {
    setup,
    parsed,
    problems: serverProblems ?? problems,
    missing,
    isBusy,
    readError,
    read,
    readAgain,
    update,
    importLines,
    saveFromSheet,
    clear: () => setSetup(null),
  };
}
