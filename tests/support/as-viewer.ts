// Route handlers resolve the viewer from the request's session cookie; in tests the viewer is
// set directly. Use with: vi.mock('@/lib/auth/viewer', viewerModuleMock)
import type { Viewer } from '@/lib/auth/viewer';

let current: Viewer | null = null;

export function actAs(viewer: Viewer | null): void {
  current = viewer;
}

export async function viewerModuleMock(importOriginal: () => Promise<Record<string, unknown>>) {
  const actual = await importOriginal();
  return { ...actual, getViewer: async () => current };
}
