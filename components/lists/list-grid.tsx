'use client';
// The grid of every list page: one page of rows the server sorted and paged (the URL holds the
// state), a sort change being a navigation to the same URL with `sort`. `wrapRows` lets rows
// grow with their content (a chip beside a date, a wrapped description). Headers wrap onto two
// lines, so a column is as wide as its values need, not as its header in the vendor's words.
// Every list has the Columns button; the admin's choice is kept per table (`columnChoice`).
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataGrid, type DataGridProps, type GridColDef, type GridColumnVisibilityModel, type GridValidRowModel } from '@mui/x-data-grid';
import { useState, useTransition } from 'react';
import { saveColumnVisibilityAction } from '@/app/preferences/actions';
import type { TableKey } from '@/lib/preferences/table-keys';
import { ColumnsToolbar } from './columns-button';
import { useNonce } from '@/components/nonce';
import { useSortNavigation } from './use-sort-navigation';

type ListGridProps<Row extends GridValidRowModel> = Omit<DataGridProps<Row>, 'sortModel' | 'onSortModelChange' | 'aria-label' | 'columnVisibilityModel' | 'onColumnVisibilityModelChange'> & {
  label: string;
  /** What an empty table says, in the page's words ("No sync sessions in this period."). */
  empty: string;
  sort: { field: string; direction: 'asc' | 'desc' };
  /** The order without `sort` in the URL, e.g. `-startedAt`. */
  defaultSort: string;
  wrapRows?: boolean;
  /** On a phone these fields come first, in this order (the rest follow in theirs), so the
   *  columns that say what a row is and how it went are seen before scrolling sideways. */
  keyColumns?: string[];
  /** The table's name and the columns the admin showed or hid last time (with the table's
   *  own defaults under them): changes are saved for the next visit. */
  columnChoice: { table: TableKey; visibility: GridColumnVisibilityModel };
};

const GRID_STYLE = {
  bgcolor: 'background.paper',
  // "Synchronization" is the longest word of a header: at this size it fits a date column even
  // beside the sort arrow.
  '& .MuiDataGrid-columnHeaderTitle': { whiteSpace: 'normal', lineHeight: 1.2, fontSize: '0.75rem' },
  '& .MuiDataGrid-sortButton': { p: '2px' },
};
const WRAPPED_ROWS = { getRowHeight: () => 'auto' as const, sx: { ...GRID_STYLE, '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } } };
// Two header lines at the compact density (the grid scales this height by 0.7).
const TWO_LINE_HEADER_HEIGHT = 68;

function keyColumnsFirst<Row extends GridValidRowModel>(columns: readonly GridColDef<Row>[], keyColumns: string[]): GridColDef<Row>[] {
  const rank = (column: GridColDef<Row>) => (keyColumns.includes(column.field) ? keyColumns.indexOf(column.field) : keyColumns.length);
  // Array.prototype.sort is stable: columns of equal rank keep their order.
  return [...columns].sort((a, b) => rank(a) - rank(b));
}

/** The visibility model as the admin leaves it, saved in the background. */
function useRememberedColumns(table: TableKey, initial: GridColumnVisibilityModel) {
  const [visibility, setVisibility] = useState(initial);
  const [, startSaving] = useTransition();
  const onChange = (model: GridColumnVisibilityModel) => {
    setVisibility(model);
    startSaving(async () => {
      await saveColumnVisibilityAction(table, model);
    });
  };
  return { columnVisibilityModel: visibility, onColumnVisibilityModelChange: onChange };
}

export function ListGrid<Row extends GridValidRowModel>({ label, empty, sort, defaultSort, wrapRows = false, keyColumns = [], columns, columnChoice, slots, ...grid }: ListGridProps<Row>) {
  const onSortModelChange = useSortNavigation(defaultSort);
  const rememberedColumns = useRememberedColumns(columnChoice.table, columnChoice.visibility);
  const nonce = useNonce();
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <DataGrid<Row>
      sortingMode="server"
      disableColumnFilter
      disableRowSelectionOnClick
      hideFooter
      density="compact"
      autoHeight
      columnHeaderHeight={TWO_LINE_HEADER_HEIGHT}
      {...(wrapRows ? WRAPPED_ROWS : { sx: GRID_STYLE })}
      showToolbar
      slots={{ toolbar: ColumnsToolbar, ...slots }}
      {...rememberedColumns}
      {...grid}
      columns={isPhone && keyColumns.length > 0 ? keyColumnsFirst(columns, keyColumns) : columns}
      nonce={nonce}
      aria-label={label}
      localeText={{ noRowsLabel: empty }}
      sortModel={[{ field: sort.field, sort: sort.direction }]}
      onSortModelChange={onSortModelChange}
    />
  );
}
