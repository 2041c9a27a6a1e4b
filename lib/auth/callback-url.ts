// Where to go after sign-in: only a path of this panel. The check reads the target as the
// browser will — after dot segments are resolved and the URL normalized — so `/.//evil.example`
// (normalized to the protocol-relative `//evil.example`) is refused like `//evil.example` itself.
import { CONTROL_CHARACTERS } from '@/lib/text/unsafe-characters';

const PLACEHOLDER_ORIGIN = 'http://panel.invalid';

export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.includes('\\') || CONTROL_CHARACTERS.test(value)) return null;
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return null;
    const path = `${url.pathname}${url.search}`;
    // What the redirect will send, checked as such: a path, never `//host` or `/\host`.
    if (!path.startsWith('/') || path.startsWith('//') || /[\\]/.test(path)) return null;
    if (url.pathname.startsWith('/login') || url.pathname.startsWith('/api/auth')) return null;
    return path;
  } catch {
    return null;
  }
}

export function loginPath(callbackPath: string | null): string {
  const safe = safeCallbackPath(callbackPath);
  return safe && safe !== '/' ? `/login?callbackUrl=${encodeURIComponent(safe)}` : '/login';
}
