// /login — SSO sign-in. Keeps `callbackUrl` (a path of this panel only) to return to after.
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInButtons } from '@/components/auth/sign-in-buttons';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { providerSummaries } from '@/lib/auth/identity-providers';
import { getViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  OAuthCallback: 'The identity provider did not complete the sign-in. Please try again.',
  OAuthSignin: 'The sign-in could not be started. Please try again.',
  AccessDenied: 'Your identity is not allowed to sign in to this panel.',
  SessionRequired: 'Please sign in to continue.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : null) ?? '/';
  if (await getViewer()) redirect(callbackUrl);
  const providers = providerSummaries();
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'The sign-in failed. Please try again.') : null;
  return (
    <Stack sx={{ pt: 8, alignItems: "center" }}>
      <Paper variant="outlined" sx={{ p: 4, width: 420, maxWidth: '100%' }}>
        <Stack spacing={2.5}>
          <Typography variant="h1">Sign in</Typography>
          <Typography color="text.secondary">
            Use your organization&apos;s single sign-on. Access to the panel is granted to your organization by support.
          </Typography>
          {error && <Alert severity="error">{error}</Alert>}
          {providers.length > 0 ? (
            <SignInButtons providers={providers} callbackUrl={callbackUrl} />
          ) : (
            <Alert severity="warning">No identity provider is configured. See the README&apos;s configuration table.</Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
