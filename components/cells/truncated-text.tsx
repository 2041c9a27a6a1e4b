'use client';
// Long text in a table cell (a message, a description): one line cut with an ellipsis, the
// full text on hover (title) and on expand — a click or Enter opens it whole, selectable, with
// what the error means when the cell is one (an error category, a session's message).
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ExplanationBlock, type NotedExplanation } from '@/components/errors/explanation-block';

export function TruncatedText({ text, label, explanation }: { text: string | null; label: string; explanation?: NotedExplanation }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!text) return null;
  return (
    <>
      <ButtonBase
        title={text}
        aria-label={`${label}: ${text}`}
        aria-haspopup="dialog"
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ display: 'block', width: '100%', textAlign: 'left', font: 'inherit', color: 'inherit', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', borderRadius: 0.5 }}
      >
        {text}
      </ButtonBase>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': label } }}
      >
        <Box sx={{ p: 2, maxWidth: 480 }}>
          <Typography variant="overline" component="p" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', userSelect: 'text', mb: explanation ? 1.5 : 0 }}>
            {text}
          </Typography>
          {explanation && <ExplanationBlock explanation={explanation} />}
        </Box>
      </Popover>
    </>
  );
}
