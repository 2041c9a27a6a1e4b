// What every list grid shares: the server sorts and pages (the URL holds the state); the grid
// only shows one page of rows.
export const SERVER_GRID_PROPS = {
  sortingMode: 'server',
  disableColumnFilter: true,
  disableRowSelectionOnClick: true,
  hideFooter: true,
  density: 'compact',
  autoHeight: true,
} as const;
