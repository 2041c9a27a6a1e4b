'use client';
// Saves one setting change through a server action and keeps the last answer to show it.
import { useState, useTransition } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

export function useSettingSaver() {
  const [answer, setAnswer] = useState<ActionState>(null);
  const [pending, startTransition] = useTransition();
  /** `optimistic` runs inside the transition, for a useOptimistic update shown while saving. */
  const save = (run: () => Promise<ActionState>, onFailure: () => void, optimistic?: () => void) =>
    startTransition(async () => {
      optimistic?.();
      const result = await run();
      setAnswer(result);
      if (!result?.ok) onFailure();
    });
  return { answer, pending, save };
}
