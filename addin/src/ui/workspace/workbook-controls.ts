// What the pane's tabs may do to the open invoice's sheets. The implementation forwards to the
// sync session (addin/src/sync), which owns every Excel call; tabs only see this small surface.
import type { ColumnKey, ColumnOverrides, ColumnView } from '../../excel/columns';
import type { ReplyMark } from '../../sync/reply-marks';

export type { ColumnKey, ColumnOverrides, ColumnView };
export type RowHeight = 'compact' | 'normal' | 'tall';

/** Row heights in points: compact fits more lines on a laptop screen, tall wraps descriptions. */
export const ROW_HEIGHT_POINTS: Record<RowHeight, number> = { compact: 15, normal: 18, tall: 30 };

export type WorkbookControls = {
  columnView: ColumnView;
  /** a preset: every column as the preset has it (the user's own choices are dropped) */
  setColumnView: (view: ColumnView) => Promise<void>;
  /** the user's own shown/hidden columns on top of the preset */
  columnOverrides: ColumnOverrides;
  setColumnsShown: (keys: ColumnKey[], isShown: boolean) => Promise<void>;
  rowHeight: RowHeight;
  setRowHeight: (height: RowHeight) => Promise<void>;
  isGrouped: boolean;
  setGrouped: (isGrouped: boolean) => Promise<void>;
  searchText: string;
  search: (text: string) => Promise<void>;
  /** line ids of the rows selected on the G703 sheet (subtotal and header rows ignored) */
  selectedLineIds: () => Promise<string[]>;
  /** select a line's row on the G703 sheet */
  goToLine: (lineId: string) => Promise<void>;
  /** the rows owners' replies name carry the reply's sentence as a note, until the line is saved */
  setReplyMarks: (marks: ReplyMark[]) => Promise<void>;
};
