'use client';
// A tenant's ingestion tokens for its sync engine: create one (shown once), revoke one.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
export type TokenAction = (state: (ActionState & { token?: string }) | null, form: FormData) => Promise<(ActionState & { token?: string }) | null>;

export interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

function RevokeTokenButton({ tenantId, token, action }: { tenantId: string; token: TokenRow; action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="tokenId" value={token.id} />
      <Button type="submit" size="small" color="error" disabled={pending} aria-label={`Revoke token ${token.name}`}>
        Revoke
      </Button>
      {state && !state.ok && <Typography color="error">{state.message}</Typography>}
    </form>
  );
}

export function IngestionTokensPanel({ tenantId, tokens, createAction, revokeAction }: { tenantId: string; tokens: TokenRow[]; createAction: TokenAction; revokeAction: Action }) {
  const [state, submit, pending] = useActionState(createAction, null);
  return (
    <Stack spacing={2}>
      {tokens.length === 0 ? (
        <Typography color="text.secondary">No token yet: the sync engine cannot report for this tenant.</Typography>
      ) : (
        <Stack component="ul" spacing={1} sx={{ pl: 0, m: 0, listStyle: 'none' }} aria-label="Ingestion tokens">
          {tokens.map((token) => (
            <Stack component="li" key={token.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography sx={{ minWidth: 180, fontWeight: 600 }}>{token.name}</Typography>
              <Typography variant="body2" color="text.secondary">
                created {token.createdAt.slice(0, 10)} · last used {token.lastUsedAt ? token.lastUsedAt.slice(0, 16).replace('T', ' ') + ' UTC' : 'never'}
              </Typography>
              {token.revoked ? <Typography color="error">revoked</Typography> : <RevokeTokenButton tenantId={tenantId} token={token} action={revokeAction} />}
            </Stack>
          ))}
        </Stack>
      )}
      <form action={submit}>
        <input type="hidden" name="tenantId" value={tenantId} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField name="name" label="Token name" size="small" required defaultValue="sync engine" />
          <Button type="submit" variant="outlined" disabled={pending}>
            Create ingestion token
          </Button>
        </Stack>
      </form>
      {state && !state.ok && <Alert severity="error">{state.message}</Alert>}
      {state?.ok && state.token && (
        <Alert severity="success">
          {state.message}
          <Typography component="code" data-testid="new-ingestion-token" sx={{ display: 'block', mt: 1, fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {state.token}
          </Typography>
        </Alert>
      )}
    </Stack>
  );
}
