'use client';
// The grid toolbar's Columns button: the column chooser, where hidden columns come back.
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import Tooltip from '@mui/material/Tooltip';
import { ColumnsPanelTrigger, Toolbar, ToolbarButton } from '@mui/x-data-grid';

export function ColumnsButton() {
  return (
    <Tooltip title="Columns">
      <ColumnsPanelTrigger render={<ToolbarButton aria-label="Columns" />}>
        <ViewColumnIcon fontSize="small" />
      </ColumnsPanelTrigger>
    </Tooltip>
  );
}

/** A toolbar holding only the Columns button. */
export function ColumnsToolbar() {
  return (
    <Toolbar>
      <ColumnsButton />
    </Toolbar>
  );
}
