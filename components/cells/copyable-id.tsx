'use client';
// A name with its unique id under it: the id visible (cut to fit, whole on hover), selectable,
// and copied whole by its button, since tickets and the CSV files speak in ids.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';

export function CopyableId({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(id);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Stack sx={{ minWidth: 0, py: 0.25 }}>
      {children}
      <Stack direction="row" sx={{ alignItems: 'center', minWidth: 0 }}>
        <Typography
          variant="caption"
          color="text.secondary"
          title={id}
          sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', userSelect: 'all' }}
        >
          {id}
        </Typography>
        <Tooltip title={copied ? 'Copied' : 'Copy ID'}>
          <IconButton size="small" aria-label={`Copy the ID of ${name}`} onClick={() => void copy()} sx={{ width: 24, height: 24 }}>
            <ContentCopyIcon sx={{ fontSize: 14 }} />
          </IconButton>
        </Tooltip>
      </Stack>
    </Stack>
  );
}
