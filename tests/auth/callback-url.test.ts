import { describe, expect, it } from 'vitest';
import { loginPath, safeCallbackPath } from '@/lib/auth/callback-url';

describe('callbackUrl after sign-in', () => {
  it('keeps a path of this panel with its query', () => {
    expect(safeCallbackPath('/users/42/statistics?from=2026-11-01&to=2026-11-02')).toBe('/users/42/statistics?from=2026-11-01&to=2026-11-02');
    expect(loginPath('/audit?from=2026-11-01')).toBe('/login?callbackUrl=%2Faudit%3Ffrom%3D2026-11-01');
  });

  it('ignores external, protocol-relative and malformed URLs', () => {
    for (const bad of ['https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', 'audit', '/\u0000x', '', null, undefined]) {
      expect(safeCallbackPath(bad as string)).toBeNull();
    }
    expect(loginPath('https://evil.test/')).toBe('/login');
  });

  it('checks the path the redirect will send, after normalization', () => {
    const bypasses = [
      '/.//evil.example',
      '/./evil/..//evil.example',
      '/login/..//evil.example',
      '/x/../..//evil.example',
      '/%2e//evil.example',
      '/%2E%2E//evil.example',
      '/./\\evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\u007f//evil.example',
      '//evil.example',
      '///evil.example',
      'https:/evil.example',
      'javascript:alert(1)',
      'data:text/html,x',
    ];
    for (const bad of bypasses) expect(safeCallbackPath(bad), bad).toBeNull();
    // Encoded slashes stay encoded: a path of this panel, not another host.
    expect(safeCallbackPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeCallbackPath('/users/./42/../43?x=1')).toBe('/users/43?x=1');
  });

  it('never sends back to the sign-in pages themselves', () => {
    expect(safeCallbackPath('/login?callbackUrl=/x')).toBeNull();
    expect(safeCallbackPath('/api/auth/signout')).toBeNull();
  });
});
