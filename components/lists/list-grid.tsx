'use client';
// The grid of every list page: one page of rows the server sorted and paged (the URL holds the
// state), a sort change being a navigation to the same URL with `sort`. `wrapRows` lets rows
// grow with their content (a chip beside a date, a wrapped description).
import { DataGrid, type DataGridProps, type GridValidRowModel } from '@mui/x-data-grid';
import { useNonce } from '@/components/nonce';
import { useSortNavigation } from './use-sort-navigation';

type ListGridProps<Row extends GridValidRowModel> = Omit<DataGridProps<Row>, 'sortModel' | 'onSortModelChange' | 'aria-label'> & {
  label: string;
  sort: { field: string; direction: 'asc' | 'desc' };
  /** The order without `sort` in the URL, e.g. `-startedAt`. */
  defaultSort: string;
  wrapRows?: boolean;
};

const WRAPPED_ROWS = { getRowHeight: () => 'auto' as const, sx: { bgcolor: 'background.paper', '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' } } };

export function ListGrid<Row extends GridValidRowModel>({ label, sort, defaultSort, wrapRows = false, ...grid }: ListGridProps<Row>) {
  const onSortModelChange = useSortNavigation(defaultSort);
  const nonce = useNonce();
  return (
    <DataGrid<Row>
      sortingMode="server"
      disableColumnFilter
      disableRowSelectionOnClick
      hideFooter
      density="compact"
      autoHeight
      {...(wrapRows ? WRAPPED_ROWS : { sx: { bgcolor: 'background.paper' } })}
      {...grid}
      nonce={nonce}
      aria-label={label}
      sortModel={[{ field: sort.field, sort: sort.direction }]}
      onSortModelChange={onSortModelChange}
    />
  );
}
