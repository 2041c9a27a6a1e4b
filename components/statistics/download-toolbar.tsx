'use client';
// The statistics toolbar: Export to CSV (all / this period / selected) and Download (ZIP of
// the period's or the selection's logs). A download is a plain link to a streaming route.
import DownloadIcon from '@mui/icons-material/Download';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import { useState } from 'react';

export interface DownloadLinks {
  csvAll: string;
  csvPeriod: string;
  csvSelected?: (ids: string[]) => string;
  zipPeriod?: string;
  zipSelected?: (ids: string[]) => string;
}

export function DownloadToolbar({ links, selected }: { links: DownloadLinks; selected: string[] }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = (url: string, what: string) => {
    setAnchor(null);
    setNotice(`Your ${what} download is starting…`);
    window.location.assign(url);
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
      <Button variant="outlined" startIcon={<FileDownloadIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        Export to CSV
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => start(links.csvAll, 'CSV')}>All sessions</MenuItem>
        <MenuItem onClick={() => start(links.csvPeriod, 'CSV')}>This period</MenuItem>
        {links.csvSelected && (
          <MenuItem disabled={selected.length === 0} onClick={() => start(links.csvSelected!(selected), 'CSV')}>
            Selected ({selected.length})
          </MenuItem>
        )}
      </Menu>
      {links.zipPeriod && (
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          onClick={() => start(selected.length > 0 && links.zipSelected ? links.zipSelected(selected) : links.zipPeriod!, 'ZIP')}
        >
          {selected.length > 0 ? `Download (${selected.length})` : 'Download'}
        </Button>
      )}
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
