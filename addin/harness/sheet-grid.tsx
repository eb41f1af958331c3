// The grid of one sheet: windowed rows under a frozen header, a formula bar, Excel-like keys
// (arrows, Enter, Tab, F2, Delete, typing starts an edit) and paste. Every user write goes through
// setValuesAsUser, so the add-in sees onChanged exactly as it would in Excel.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { cellA1, rangeA1 } from '../src/excel/a1';
import type { WorkbookDouble } from '../src/workbook-double';
import { GridRow, ROW_HEADER_PX } from './grid-row';
import type { EditState, RowHandlers } from './grid-row';
import { layoutOf, notesOf, rawOf, sheetModel, visibleWindow } from './sheet-view';
import { parseTsv, toTsv } from './tsv';

const COL_HEADER_PX = 22;

type Props = {
  double: WorkbookDouble;
  sheetName: string;
  version: number;
  /** a user write happened (re-read the workbook) or failed (say why) */
  onWrite: (error: string | null) => void;
};

export function SheetGrid({ double, sheetName, version, onWrite }: Props) {
  const sheet = sheetModel(double, sheetName);
  const layout = useMemo(() => (sheet ? layoutOf(sheet) : null), [sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const notes = useMemo(() => (sheet ? notesOf(double, sheet) : new Map<string, string>()), [double, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  // active cell (formula bar, typing, paste anchor) and the other corner of a shift-extended range
  const [selected, setSelected] = useState({ row: 7, col: 0 });
  const [anchor, setAnchor] = useState({ row: 7, col: 0 });
  const [editing, setEditing] = useState<EditState | null>(null);
  const handlers = useRef<RowHandlers | null>(null);
  const stableHandlers = useMemo<RowHandlers>(
    () => ({
      onSelect: (r, c, extend) => handlers.current!.onSelect(r, c, extend),
      onSelectRow: (r, extend) => handlers.current!.onSelectRow(r, extend),
      onStartEdit: (r, c) => handlers.current!.onStartEdit(r, c),
      onEditChange: (text) => handlers.current!.onEditChange(text),
      onEditKey: (e) => handlers.current!.onEditKey(e),
      onEditBlur: () => handlers.current!.onEditBlur(),
    }),
    [],
  );

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    setEditing(null);
  }, [sheetName]);

  const write = useCallback(
    (row: number, col: number, block: unknown[][]) => {
      const done = double.setValuesAsUser(sheetName, cellA1(row, col), block);
      onWrite(null); // the cells changed synchronously: show them now, the add-in reacts after
      done.then(
        () => onWrite(null),
        (e: unknown) => onWrite(e instanceof Error ? e.message : String(e)),
      );
    },
    [double, sheetName, onWrite],
  );

  if (!sheet || !layout) return <div className="hx-empty">No sheet “{sheetName}”.</div>;
  const { columns, frozen, rows } = layout;
  const stickyHeight = COL_HEADER_PX + layout.frozenHeight;
  const [first, last] = visibleWindow(rows, viewport.top, viewport.height);

  // Navigation steps over hidden rows and columns, like Excel.
  const rowOrder = [...frozen, ...rows].map((r) => r.index);
  const colOrder = columns.map((c) => c.index);
  const step = (order: number[], at: number, delta: number) => {
    const i = order.indexOf(at);
    return order[Math.max(0, Math.min(order.length - 1, Math.max(i, 0) + delta))] ?? at;
  };

  const box = {
    r0: Math.min(anchor.row, selected.row),
    c0: Math.min(anchor.col, selected.col),
    r1: Math.max(anchor.row, selected.row),
    c1: Math.max(anchor.col, selected.col),
  };

  /** Moves the active cell; with `extend`, the range from the anchor grows like shift+click. */
  function select(row: number, col: number, extend = false) {
    setSelected({ row, col });
    const from = extend ? anchor : { row, col };
    if (!extend) setAnchor(from);
    // what workbook.getSelectedRange() returns to the add-in (e.g. lines to assign to a group)
    double.select(sheetName, rangeA1(Math.min(from.row, row), Math.min(from.col, col), Math.max(from.row, row), Math.max(from.col, col)));
    const el = scroller.current;
    // cells cancel mousedown (no text selection), so focus the grid for typing and paste
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
    const r = rows.find((x) => x.index === row);
    if (!el || !r) return;
    const visibleTop = el.scrollTop;
    const visibleBottom = el.scrollTop + el.clientHeight - stickyHeight;
    if (r.top < visibleTop) el.scrollTop = r.top;
    else if (r.top + r.height > visibleBottom) el.scrollTop = r.top + r.height - (el.clientHeight - stickyHeight);
  }

  function startEdit(row: number, col: number, text?: string) {
    setSelected({ row, col });
    setEditing({ row, col, text: text ?? rawOf(sheet!, row, col) });
  }

  function commit(move: 'down' | 'right' | 'none') {
    if (!editing) return;
    const { row, col, text } = editing;
    setEditing(null);
    if (text !== rawOf(sheet!, row, col)) write(row, col, [[text]]);
    if (move === 'down') select(step(rowOrder, row, 1), col);
    if (move === 'right') select(row, step(colOrder, col, 1));
    scroller.current?.focus();
  }

  function onEditKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit('down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit('right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
      scroller.current?.focus();
    }
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (editing) return;
    const { row, col } = selected;
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1], Enter: [1, 0], Tab: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const isArrow = e.key.startsWith('Arrow');
      const back = e.shiftKey && !isArrow ? -1 : 1;
      select(step(rowOrder, row, move[0] * back), step(colOrder, col, move[1] * back), e.shiftKey && isArrow);
    } else if (e.key === 'F2') {
      e.preventDefault();
      startEdit(row, col);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      write(row, col, [['']]);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(row, col, e.key);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    write(box.r0, box.c0, parseTsv(text));
  }

  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    e.preventDefault();
    const block: string[][] = [];
    for (const r of rowOrder.filter((x) => x >= box.r0 && x <= box.r1))
      block.push(colOrder.filter((c) => c >= box.c0 && c <= box.c1).map((c) => String(sheet!.valueAt(r, c))));
    e.clipboardData.setData('text/plain', toTsv(block));
  }

  const lastCol = colOrder[colOrder.length - 1] ?? 0;
  // Rows are memoised: handlers go through a ref so their identity never changes, and selection
  // is passed as numbers, so scrolling mounts only the rows that come into view.
  handlers.current = {
    onSelect: select,
    // A row number selects whole rows, the active cell at the row's first column (as Excel does);
    // shift extends the rows from the active one.
    onSelectRow: (r: number, extend: boolean) => {
      const first = colOrder[0] ?? 0;
      const from = extend ? selected.row : r;
      if (!extend) setSelected({ row: r, col: first });
      setAnchor({ row: r, col: lastCol });
      double.select(sheetName, rangeA1(Math.min(from, r), first, Math.max(from, r), lastCol));
      scroller.current?.focus({ preventScroll: true });
    },
    onStartEdit: (r: number, c: number) => startEdit(r, c),
    onEditChange: (text: string) => setEditing((x) => (x ? { ...x, text } : x)),
    onEditKey,
    onEditBlur: () => commit('none'),
  };
  const rowProps = (index: number) => ({
    sheet,
    notes,
    columns,
    version,
    handlers: stableHandlers,
    selRow: selected.row === index ? selected.col : -1,
    rangeCols: index >= box.r0 && index <= box.r1 ? (box.r0 === box.r1 && box.c0 === box.c1 ? 'cell' : `${box.c0}:${box.c1}`) : '',
    editing: editing && editing.row === index ? editing : null,
  });
  const selA1 = cellA1(selected.row, selected.col);
  const rangeText = box.r0 === box.r1 && box.c0 === box.c1 ? selA1 : rangeA1(box.r0, box.c0, box.r1, box.c1);
  const selNote = notes.get(selA1);

  return (
    <div className="hx-sheet">
      <div className="hx-formula-bar">
        <span className="hx-namebox" data-testid="namebox" title={rangeText}>
          {rangeText}
        </span>
        <span className="hx-fx">fx</span>
        <span className="hx-formula" data-testid="formula-bar">
          {rawOf(sheet, selected.row, selected.col)}
        </span>
      </div>
      {selNote && <div className="hx-notebar" role="note" data-testid="note-bar">{`${selA1}: ${selNote}`}</div>}
      <div
        ref={scroller}
        className="hx-scroller"
        tabIndex={0}
        role="grid"
        aria-label={`Sheet ${sheetName}`}
        data-sheet={sheetName}
        onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        onKeyDown={onKey}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <div className="hx-canvas" style={{ width: ROW_HEADER_PX + layout.totalWidth, height: stickyHeight + layout.bodyHeight }}>
          <div className="hx-sticky" style={{ height: stickyHeight, width: ROW_HEADER_PX + layout.totalWidth }}>
            <div className="hx-row hx-colhdr-row" style={{ top: 0, height: COL_HEADER_PX }}>
              <div className="hx-corner" style={{ width: ROW_HEADER_PX }} />
              {columns.map((c) => (
                <div key={c.index} className={`hx-colhdr${selected.col === c.index ? ' hx-hdr-active' : ''}`} style={{ width: c.width }}>
                  {c.letter}
                </div>
              ))}
            </div>
            {frozen.map((r) => (
              <GridRow key={r.index} row={r} top={COL_HEADER_PX + r.top} {...rowProps(r.index)} />
            ))}
          </div>
          {rows.slice(first, last + 1).map((r) => (
            <GridRow key={r.index} row={r} top={stickyHeight + r.top} {...rowProps(r.index)} />
          ))}
        </div>
      </div>
      <div className="hx-statusbar">
        <span>{layout.isProtected ? 'Protected sheet: only the tinted cells accept input' : 'Unprotected sheet'}</span>
        {layout.hiddenRowCount > 0 && <span>{`${layout.hiddenRowCount} rows hidden (filter/outline)`}</span>}
        <span>{`${layout.rowCount} rows`}</span>
      </div>
    </div>
  );
}
