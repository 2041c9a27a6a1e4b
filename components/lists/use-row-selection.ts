'use client';
// A list's selection, kept in sessionStorage under the list and its filters: it survives
// paging, sorting and the page being rendered again, and new filters start empty.
import { useCallback, useEffect, useState } from 'react';
import { NO_SELECTION, parseSelection, serializeSelection, type RowSelection } from './row-selection';

export function useRowSelection(scope: string): [RowSelection, (next: RowSelection) => void] {
  const key = `sync-admin-panel.selection:${scope}`;
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  // Read after mounting: the server has no sessionStorage, and the first render must match it.
  useEffect(() => setSelection(parseSelection(window.sessionStorage.getItem(key))), [key]);
  const update = useCallback(
    (next: RowSelection) => {
      setSelection(next);
      window.sessionStorage.setItem(key, serializeSelection(next));
    },
    [key],
  );
  return [selection, update];
}
