'use client';
// The statistics grid's toolbar: the downloads and the Columns button in the grid's own toolbar
// band; on a phone the buttons wrap onto a second line rather than being cut.
import { Toolbar } from '@mui/x-data-grid';
import { ColumnsButton } from '@/components/lists/columns-button';
import { DownloadToolbar, type DownloadLinks, type SelectionDownload } from './download-toolbar';

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    downloadLinks?: DownloadLinks;
    selection?: SelectionDownload;
  }
}

export function SessionsGridToolbar({ downloadLinks, selection }: { downloadLinks?: DownloadLinks; selection?: SelectionDownload }) {
  return (
    <Toolbar style={{ flexWrap: 'wrap', height: 'auto', minHeight: 52 }}>
      {downloadLinks && <DownloadToolbar links={downloadLinks} selection={selection} />}
      <ColumnsButton />
    </Toolbar>
  );
}
