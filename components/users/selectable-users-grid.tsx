'use client';
// The users table with a selection that spans pages (components/lists/row-selection.ts) and
// what can be done with it: Enable sync / Disable sync / Sync now for the users ticked, or for all the
// list's filters match. The result stays above the table after the selection is cleared.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useActionState, useEffect } from 'react';
import { requestUsersSyncAction, setUsersSyncAction } from '@/app/users/actions';
import { applyPageModel, isEmptySelection, isSelected, NO_SELECTION, pageModel, selectionFields, selectionLabel, selectionProblem } from '@/components/lists/row-selection';
import { SelectionBanner } from '@/components/lists/selection-banner';
import { useRowSelection } from '@/components/lists/use-row-selection';
import type { CappedCount } from '@/lib/paging/capped-count';
import { BulkSyncButtons } from './bulk-sync-buttons';
import { UsersGrid, type UsersGridProps } from './users-grid';

const SELECTION_WORDS = { row: 'user', rows: 'users', pages: 'on any page', taker: 'an action', all: 'matching these filters', narrow: 'the filters' };

export interface SelectableUsersGridProps extends UsersGridProps {
  total: CappedCount;
  /** The list's filters as a query (status, reason, q): what "all" sends, and the selection's key. */
  filterQuery: string;
  /** The filters in words for the confirmation: "matching Effective status: Disabled due to an error". */
  filterWords: string;
  /** On a profile's Users tab, the profile. */
  profileId: string | null;
}

export function SelectableUsersGrid({ total, filterQuery, filterWords, profileId, rows, ...grid }: SelectableUsersGridProps) {
  const [selection, setSelection] = useRowSelection(`users:${profileId ?? 'all'}|${filterQuery}`);
  const [switched, submitSwitch, switching] = useActionState(setUsersSyncAction, null);
  const [requested, submitSyncNow, requesting] = useActionState(requestUsersSyncAction, null);
  // Done: the users changed or were asked for, the selection has served.
  useEffect(() => {
    if (switched?.ok || requested?.ok) setSelection(NO_SELECTION);
  }, [switched, requested, setSelection]);
  const pageIds = rows.map((row) => row.id);
  const count = selectionLabel(selection, total);
  const fields = isEmptySelection(selection, total) || selectionProblem(selection, SELECTION_WORDS) ? null : selectionFields(selection, filterQuery);
  const formFields = fields && { ...fields, target: selection.kind, ...(profileId ? { profileId } : {}) };
  const which =
    selection.kind === 'chosen'
      ? 'ticked on any page of this list'
      : `${filterWords}${selection.except.size > 0 ? `, except ${selection.except.size.toLocaleString('en-US')} unticked` : ''}`;
  return (
    <Stack spacing={1}>
      {[switched, requested].map(
        (result, index) =>
          result && (
            <Alert key={index} severity={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'}>
              {result.message}
            </Alert>
          ),
      )}
      <SelectionBanner
        selection={selection}
        total={total}
        wholePageTicked={pageIds.length > 0 && pageIds.every((id) => isSelected(selection, id))}
        onChange={setSelection}
        words={SELECTION_WORDS}
        actions={
          <BulkSyncButtons
            count={`${count} user${count === '1' ? '' : 's'}`}
            which={which}
            fields={formFields}
            submitSwitch={submitSwitch}
            submitSyncNow={submitSyncNow}
            pending={switching || requesting}
          />
        }
      />
      <UsersGrid
        {...grid}
        rows={rows}
        checkboxSelection
        rowSelectionModel={pageModel(selection, pageIds)}
        onRowSelectionModelChange={(model) => setSelection(applyPageModel(selection, pageIds, model))}
      />
    </Stack>
  );
}
