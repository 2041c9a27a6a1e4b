'use client';
// The statistics toolbar: Export to CSV (all / this period / the selection) and Download (ZIP
// of the period's or the selection's logs). A period's download is a plain link to a streaming
// route; a selection is posted as a form (up to 1,000 ids do not fit a URL).
import DownloadIcon from '@mui/icons-material/Download';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { postForm } from '@/components/browser/post-form';

export interface DownloadLinks {
  csvAll: string;
  csvPeriod: string;
  zipPeriod?: string;
  /** Where a selection is posted (a user's statistics only). */
  selectionTargets?: { csv: string; zip: string };
}

/** What is selected: its size as the buttons say it ("2", "all 2,345 except 2"), the form fields of
 *  its download (null when nothing is selected), or why it cannot be downloaded. */
export interface SelectionDownload {
  label: string;
  fields: Record<string, string> | null;
  problem: string | null;
}

export function DownloadToolbar({ links, selection }: { links: DownloadLinks; selection?: SelectionDownload }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = (url: string, what: string) => {
    setAnchor(null);
    setNotice(`Your ${what} download is starting…`);
    window.location.assign(url);
  };
  const startSelected = (url: string, what: string) => {
    setAnchor(null);
    if (!selection?.fields) return;
    if (selection.problem) return setNotice(selection.problem);
    setNotice(`Your ${what} download of ${selection.label} sessions is starting…`);
    postForm(url, selection.fields);
  };
  const hasSelection = Boolean(links.selectionTargets && selection?.fields);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap' }}>
      <Button variant="outlined" startIcon={<FileDownloadIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        Export to CSV
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => start(links.csvAll, 'CSV')}>All sessions</MenuItem>
        <MenuItem onClick={() => start(links.csvPeriod, 'CSV')}>This period</MenuItem>
        {links.selectionTargets && (
          <MenuItem disabled={!hasSelection} onClick={() => startSelected(links.selectionTargets!.csv, 'CSV')}>
            Selected ({selection?.fields ? selection.label : 0})
          </MenuItem>
        )}
      </Menu>
      {links.zipPeriod && (
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          onClick={() => (hasSelection ? startSelected(links.selectionTargets!.zip, 'ZIP') : start(links.zipPeriod!, 'ZIP'))}
        >
          {hasSelection ? `Download (${selection!.label})` : 'Download'}
        </Button>
      )}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
