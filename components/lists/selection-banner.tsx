'use client';
// Says what the selection covers, above the table: rows ticked on any page, or all rows the
// filters match but those unticked; offers all of them once this page is all ticked, and
// clearing. Read aloud when it changes.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import type { CappedCount } from '@/lib/paging/capped-count';
import { formatCappedCount, formatCount } from '@/lib/paging/format-count';
import { NO_SELECTION, selectionProblem, type RowSelection, type SelectionWords } from './row-selection';

export interface SelectionBannerProps {
  selection: RowSelection;
  total: CappedCount;
  wholePageTicked: boolean;
  onChange: (next: RowSelection) => void;
  /** "session" / "sessions", where ticks count ("on any page of this period"), and the rest. */
  words: SelectionWords & { row: string; pages: string };
  /** What can be done with the selection (buttons), after the words. */
  actions?: ReactNode;
}

export function SelectionBanner({ selection, total, wholePageTicked, onChange, words, actions }: SelectionBannerProps) {
  const chosen = selection.kind === 'chosen' ? selection.ids.size : 0;
  if (selection.kind === 'chosen' && chosen === 0) return null;
  const problem = selectionProblem(selection, words);
  const count = (n: number) => `${formatCount(n)} ${n === 1 ? words.row : words.rows}`;
  const offerAll = selection.kind === 'chosen' && wholePageTicked && (total.capped || total.count > chosen);
  return (
    <Alert severity={problem ? 'warning' : 'info'} role="status" sx={{ alignItems: 'center' }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <span>
          {selection.kind === 'chosen'
            ? `${count(chosen)} selected, ${words.pages}.`
            : `All ${formatCappedCount(total)} ${words.rows} ${words.all} are selected${selection.except.size > 0 ? `, except ${count(selection.except.size)} unticked` : ''}.`}
          {problem && ` ${problem}`}
        </span>
        {offerAll && (
          <Button size="small" onClick={() => onChange({ kind: 'all', except: new Set() })}>
            Select all {formatCappedCount(total)} {words.rows} {words.all}
          </Button>
        )}
        {actions}
        <Button size="small" onClick={() => onChange(NO_SELECTION)}>
          Clear selection
        </Button>
      </Stack>
    </Alert>
  );
}
