// One rendered sheet row: a sticky row number, then its cells at the column layout's widths.
import { memo } from 'react';
import type { CSSProperties, KeyboardEvent } from 'react';
import type { SheetModel } from '../src/workbook-double/model';
import { cellView } from './sheet-view';
import type { ColumnLayout, RowLayout } from './sheet-view';

export const ROW_HEADER_PX = 44;

export type EditState = { row: number; col: number; text: string };

export type RowHandlers = {
  onSelect: (row: number, col: number, extend?: boolean) => void;
  onSelectRow: (row: number, extend: boolean) => void;
  onStartEdit: (row: number, col: number) => void;
  onEditChange: (text: string) => void;
  onEditKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  onEditBlur: () => void;
};

// Only primitives and stable objects, so React.memo skips rows a scroll or a click leaves alone.
type Props = {
  sheet: SheetModel;
  notes: Map<string, string>;
  row: RowLayout;
  columns: ColumnLayout[];
  top: number;
  /** column of the active cell when it is on this row, else −1 */
  selRow: number;
  /** '' (row outside the selection), 'cell' (single-cell selection) or 'c0:c1' (columns in the range) */
  rangeCols: string;
  editing: EditState | null;
  /** changes whenever the workbook does, so memoised rows re-read their cells */
  version: number;
  handlers: RowHandlers;
};

function GridRowInner({ sheet, notes, row, columns, top, selRow, rangeCols, editing, handlers }: Props) {
  const { onSelect, onSelectRow, onStartEdit, onEditChange, onEditKey, onEditBlur } = handlers;
  const isRowInRange = rangeCols !== '';
  const [c0, c1] = rangeCols && rangeCols !== 'cell' ? rangeCols.split(':').map(Number) : [-1, -2];
  const style: CSSProperties = { top, height: row.height };
  return (
    <div className="hx-row" style={style} data-row={row.index + 1}>
      <div
        className={`hx-rowhdr${isRowInRange ? ' hx-hdr-active' : ''}`}
        style={{ width: ROW_HEADER_PX }}
        onMouseDown={(e) => {
          e.preventDefault();
          onSelectRow(row.index, e.shiftKey);
        }}
      >
        {row.outline > 0 && (
          <span className="hx-outline" aria-hidden>
            {'·'.repeat(row.outline)}
          </span>
        )}
        {row.index + 1}
      </div>
      {columns.map((c, i) => {
        const cell = cellView(sheet, notes, row.index, c.index);
        // Text spills into empty cells to its right, as in Excel (header block, long descriptions).
        let spill = 0;
        if (!row.isHeader && !cell.isNumber && cell.text) {
          for (let j = i + 1; j < columns.length && j < i + 8; j++) {
            if (sheet.valueAt(row.index, columns[j]!.index) !== '' || sheet.cell(row.index, columns[j]!.index).formula) break;
            spill += columns[j]!.width;
          }
        }
        const isSelected = selRow === c.index;
        const isInRange = c.index >= c0! && c.index <= c1!;
        const isEditing = editing !== null && editing.row === row.index && editing.col === c.index;
        const cls = [
          'hx-cell',
          row.isHeader ? 'hx-wrap' : '',
          spill ? 'hx-spill' : '',
          cell.isNumber ? 'hx-num' : '',
          cell.bold ? 'hx-bold' : '',
          cell.isEditable ? 'hx-editable' : '',
          cell.note ? 'hx-marked' : '',
          isSelected ? 'hx-selected' : '',
          isInRange ? 'hx-inrange' : '',
          cell.formula ? 'hx-has-formula' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <div
            key={c.index}
            className={cls}
            style={{ width: c.width, background: cell.fill ?? undefined }}
            data-a1={cell.a1}
            data-note={cell.note ?? undefined}
            title={cell.note ?? undefined}
            onMouseDown={(e) => {
              if (!isEditing) {
                e.preventDefault();
                onSelect(row.index, c.index, e.shiftKey);
              }
            }}
            onDoubleClick={() => onStartEdit(row.index, c.index)}
          >
            {isEditing ? (
              <input
                className="hx-editor"
                autoFocus
                value={editing.text}
                onChange={(e) => onEditChange(e.target.value)}
                onKeyDown={onEditKey}
                onBlur={onEditBlur}
                aria-label={`Edit ${cell.a1}`}
              />
            ) : spill ? (
              <span className="hx-spill-text" style={{ width: c.width + spill - 8 }}>
                {cell.text}
              </span>
            ) : (
              cell.text
            )}
          </div>
        );
      })}
    </div>
  );
}

export const GridRow = memo(GridRowInner);
