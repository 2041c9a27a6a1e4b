// The rules behind the proxy's forgery check and page policy.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from '@/lib/http/content-security-policy';
import { isCrossSiteWrite } from '@/lib/http/forgery-check';

const PANEL = 'https://panel.example.com';
const request = (method: string, headers: Record<string, string> = {}) => new Request(`${PANEL}/users`, { method, headers });

describe('cross-site writes', () => {
  it('refuses a write without an Origin, or from another origin whatever the forwarded host says', () => {
    expect(isCrossSiteWrite(request('POST'), PANEL)).toBe(true);
    expect(isCrossSiteWrite(request('POST', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }), PANEL)).toBe(true);
    expect(isCrossSiteWrite(request('DELETE', { origin: 'http://panel.example.com' }), PANEL)).toBe(true);
    expect(isCrossSiteWrite(request('POST', { origin: 'null' }), PANEL)).toBe(true);
  });

  it("lets through a write from the panel's own origin, and every read", () => {
    expect(isCrossSiteWrite(request('POST', { origin: PANEL }), PANEL)).toBe(false);
    expect(isCrossSiteWrite(request('POST', { origin: PANEL }), `${PANEL}/`)).toBe(false);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(isCrossSiteWrite(request(method, { origin: 'https://evil.example' }), PANEL)).toBe(false);
  });
});

describe('the page policy', () => {
  it('allows scripts by nonce only, no framing, no plugins, no foreign base', () => {
    const nonce = newNonce();
    expect(newNonce()).not.toBe(nonce);
    const policy = contentSecurityPolicy(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", `style-src 'self' 'nonce-${nonce}'`]) expect(policy).toContain(directive);
    expect(contentSecurityPolicy(nonce, { development: true })).toContain("'unsafe-eval'");
  });

  it('asks for HTTPS only when the panel is served over it', () => {
    expect(strictTransportSecurity('https://panel.example.com')).toMatch(/^max-age=\d+/);
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });
});
