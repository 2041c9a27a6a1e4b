'use client';
// What a server action answered its form (lib/actions/action-state.ts): a success as a status,
// a refusal as an alert that screen readers announce at once. Nothing before the first answer.
import Alert from '@mui/material/Alert';
import type { ActionState } from '@/lib/actions/action-state';

export function ActionMessage({ state, refusal = 'error' }: { state: ActionState; refusal?: 'error' | 'warning' }) {
  if (!state) return null;
  return (
    <Alert severity={state.ok ? 'success' : refusal} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </Alert>
  );
}
