// The Content-Security-Policy of every page, with a fresh script nonce per request (the proxy
// makes it; Next.js puts it on its own scripts, the Emotion cache on MUI's <style> elements).
// Inline `style=` attributes stay allowed (`style-src-attr`): MUI and the data grid set element
// styles from JavaScript (widths, positions), which a nonce cannot cover; a style attribute
// cannot run script.
export const NONCE_HEADER = 'x-nonce';

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings; the production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** HSTS for a panel served over https (its configured URL says so). */
export function strictTransportSecurity(panelUrl: string): string | null {
  return panelUrl.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
}
