// Pages while the database does not answer: the frame and a "temporarily unavailable" message,
// not an error page; any other failure still fails.
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RootLayout from '@/app/layout';
import { getViewer } from '@/lib/auth/viewer';

vi.mock('@/lib/auth/viewer', () => ({ getViewer: vi.fn() }));
// The layout reads the request's CSP nonce, which the proxy sets.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-nonce': 'test-nonce' }) }));

const page = <p>the page itself</p>;

describe('the root layout', () => {
  afterEach(() => vi.mocked(getViewer).mockReset());

  it('shows "temporarily unavailable" instead of the page while the database does not answer', async () => {
    vi.mocked(getViewer).mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const html = renderToString(await RootLayout({ children: page }));
    expect(html).toContain('Temporarily unavailable');
    expect(html).toContain('cannot reach its database');
    expect(html).not.toContain('the page itself');
  });

  it('renders the page when the database answers, and lets other errors fail', async () => {
    vi.mocked(getViewer).mockResolvedValue(null);
    expect(renderToString(await RootLayout({ children: page }))).toContain('the page itself');
    vi.mocked(getViewer).mockRejectedValue(new Error('a bug'));
    await expect(RootLayout({ children: page })).rejects.toThrow('a bug');
  });
});
