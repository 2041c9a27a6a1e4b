'use client';
// The statistics grid's toolbar: the downloads and the Columns button in the grid's own toolbar
// band; on a phone the buttons wrap onto a second line rather than being cut.
import { Toolbar } from '@mui/x-data-grid';
import { ColumnsButton } from '@/components/lists/columns-button';
import { DownloadToolbar, type DownloadLinks } from './download-toolbar';

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    downloadLinks?: DownloadLinks;
    selected?: string[];
  }
}

export function SessionsGridToolbar({ downloadLinks, selected = [] }: { downloadLinks?: DownloadLinks; selected?: string[] }) {
  return (
    <Toolbar style={{ flexWrap: 'wrap', height: 'auto', minHeight: 52 }}>
      {downloadLinks && <DownloadToolbar links={downloadLinks} selected={selected} />}
      <ColumnsButton />
    </Toolbar>
  );
}
