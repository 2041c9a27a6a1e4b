'use client';
// The selection of a Statistics tab, kept in sessionStorage under the owner and the period's
// query: it survives paging, sorting and the page being rendered again, and a new period or
// filter starts empty.
import { useCallback, useEffect, useState } from 'react';
import { NO_SELECTION, parseSelection, serializeSelection, type SessionSelection } from './session-selection';

export function useSessionSelection(scope: string): [SessionSelection, (next: SessionSelection) => void] {
  const key = `sync-admin-panel.selection:${scope}`;
  const [selection, setSelection] = useState<SessionSelection>(NO_SELECTION);
  // Read after mounting: the server has no sessionStorage, and the first render must match it.
  useEffect(() => setSelection(parseSelection(window.sessionStorage.getItem(key))), [key]);
  const update = useCallback(
    (next: SessionSelection) => {
      setSelection(next);
      window.sessionStorage.setItem(key, serializeSelection(next));
    },
    [key],
  );
  return [selection, update];
}
