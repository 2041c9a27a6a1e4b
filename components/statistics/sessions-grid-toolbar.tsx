'use client';
// The statistics grid's toolbar: the downloads and the Columns button on one row, in the grid's
// own toolbar band (the default one held only the Columns button).
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import Tooltip from '@mui/material/Tooltip';
import { ColumnsPanelTrigger, Toolbar, ToolbarButton } from '@mui/x-data-grid';
import { DownloadToolbar, type DownloadLinks } from './download-toolbar';

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    downloadLinks?: DownloadLinks;
    selected?: string[];
  }
}

export function SessionsGridToolbar({ downloadLinks, selected = [] }: { downloadLinks?: DownloadLinks; selected?: string[] }) {
  return (
    <Toolbar>
      {downloadLinks && <DownloadToolbar links={downloadLinks} selected={selected} />}
      <Tooltip title="Columns">
        <ColumnsPanelTrigger render={<ToolbarButton aria-label="Columns" />}>
          <ViewColumnIcon fontSize="small" />
        </ColumnsPanelTrigger>
      </Tooltip>
    </Toolbar>
  );
}
