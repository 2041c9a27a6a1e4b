'use client';
// Says what the selection covers, above the table: sessions ticked on any page of the period,
// or all of the period but those unticked; offers the whole period once this page is all
// ticked, and clearing. Read aloud when it changes.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { CappedCount } from '@/lib/paging/capped-count';
import { formatCappedCount, formatCount } from '@/lib/paging/format-count';
import { NO_SELECTION, selectionProblem, type SessionSelection } from './session-selection';

const sessions = (n: number) => `${formatCount(n)} session${n === 1 ? '' : 's'}`;

export function SelectionBanner({ selection, total, wholePageTicked, onChange }: { selection: SessionSelection; total: CappedCount; wholePageTicked: boolean; onChange: (next: SessionSelection) => void }) {
  const chosen = selection.kind === 'chosen' ? selection.ids.size : 0;
  if (selection.kind === 'chosen' && chosen === 0) return null;
  const problem = selectionProblem(selection);
  const offerPeriod = selection.kind === 'chosen' && wholePageTicked && (total.capped || total.count > chosen);
  return (
    <Alert severity={problem ? 'warning' : 'info'} role="status" sx={{ alignItems: 'center' }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <span>
          {selection.kind === 'chosen'
            ? `${sessions(chosen)} selected, on any page of this period.`
            : `All ${formatCappedCount(total)} sessions of this period are selected${selection.except.size > 0 ? `, except ${sessions(selection.except.size)} unticked` : ''}.`}
          {problem && ` ${problem}`}
        </span>
        {offerPeriod && (
          <Button size="small" onClick={() => onChange({ kind: 'period', except: new Set() })}>
            Select all {formatCappedCount(total)} sessions of this period
          </Button>
        )}
        <Button size="small" onClick={() => onChange(NO_SELECTION)}>
          Clear selection
        </Button>
      </Stack>
    </Alert>
  );
}
