import { GRID_CHECKBOX_SELECTION_COL_DEF, type GridColDef, type GridValidRowModel } from '@mui/x-data-grid';

/**
 * 学号 and 姓名 stay in view when the roster scrolls sideways (who a row is). The free grid has no
 * column pinning (a Pro feature), but it draws cells with the pinned classes as sticky with the
 * pinned background (hover and selection included): those classes, a `left` for each pinned
 * column, and every column drawn (a pinned cell outside the drawn range of columns would
 * otherwise not be drawn at all) make the same thing. They are the first columns of the roster's
 * order, and not resizable, so their offsets are their widths.
 */
export const PINNED_FIELDS: readonly string[] = ['studentNo', 'name'];
/** Columns drawn beyond the view on either side: wider than every roster column together, so none is left out. */
export const PINNED_COLUMN_BUFFER_PX = 10_000;
const CELL = 'MuiDataGrid-cell--pinnedLeft';
const HEADER = 'MuiDataGrid-columnHeader--pinnedLeft';

function pin<R extends GridValidRowModel>(col: GridColDef<R>): GridColDef<R> {
  const own = typeof col.cellClassName === 'string' ? `${col.cellClassName} ` : '';
  return { ...col, cellClassName: `${own}${CELL}`, headerClassName: HEADER, resizable: false };
}

/** The roster's columns with 学号 and 姓名 (and the checkbox column before them) held at the left. */
export function withPinnedColumns<R extends GridValidRowModel>(columns: readonly GridColDef<R>[], checkbox: boolean): GridColDef<R>[] {
  const pinned = columns.map((c) => (PINNED_FIELDS.includes(c.field) ? pin(c) : c));
  return checkbox ? [pin(GRID_CHECKBOX_SELECTION_COL_DEF as GridColDef<R>), ...pinned] : pinned;
}

/** Each pinned column's distance from the left edge: the widths of the pinned columns shown before it. */
export function pinnedOffsetsSx(columns: readonly GridColDef[], visible: readonly string[], checkbox: boolean): Record<string, object> {
  const sx: Record<string, object> = {};
  let left = 0;
  const shown = [...(checkbox ? [GRID_CHECKBOX_SELECTION_COL_DEF] : []), ...columns.filter((c) => PINNED_FIELDS.includes(c.field) && visible.includes(c.field))];
  shown.forEach((c, i) => {
    const last = i === shown.length - 1;
    sx[`& .${CELL}[data-field="${c.field}"], & .${HEADER}[data-field="${c.field}"]`] = {
      left,
      // A line where the scrolled columns pass under the pinned ones.
      ...(last ? { boxShadow: 'inset -1px 0 0 rgba(0, 0, 0, 0.12)' } : {}),
    };
    left += c.width ?? 100;
  });
  return sx;
}
