// Where to go after sign-in: only a path of this panel (relative). External, protocol-relative
// or malformed callback URLs are ignored.
const PLACEHOLDER_ORIGIN = 'http://panel.invalid';

export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f]/.test(value)) return null;
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return null;
    if (url.pathname.startsWith('/login') || url.pathname.startsWith('/api/auth')) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

export function loginPath(callbackPath: string | null): string {
  const safe = safeCallbackPath(callbackPath);
  return safe && safe !== '/' ? `/login?callbackUrl=${encodeURIComponent(safe)}` : '/login';
}
