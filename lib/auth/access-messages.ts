// What a refused request is told, by verdict (lib/auth/viewer-access.ts). Plain text without
// server-only imports: the proxy answers with these too.
export const ACCESS_MESSAGES = {
  anonymous: 'Sign in to use the Sync Admin Panel.',
  support: 'Support agents cannot see users, sessions, issues or logs.',
  'no-access': 'Your organization has no access to the Sync Admin Panel.',
  role: 'You do not have permission for this.',
} as const;
