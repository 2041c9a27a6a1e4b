import 'server-only';
// What a user's Sync issues sub-tab shows: one page of issues in the chosen order with the
// capped count, or the message of a bad parameter or a stale page link. The page loads it;
// components/issues/issues-grid.tsx renders it.
import type { TenantViewer } from '@/lib/auth/viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import type { Direction, KeysetPage } from '@/lib/paging/keyset';
import { parseSearch } from '@/lib/search/parse-search';
import type { SearchParams } from '@/lib/search/search-params';
import { issueListSearch } from './issue-search';
import { withLogLinks, type IssueListRow } from './issue-log-links';
import { countIssues, listIssues, type IssueFilter } from './list-issues';

export type IssuesListData =
  | { ok: false; message: string }
  | { ok: true; page: KeysetPage<IssueListRow>; total: Awaited<ReturnType<typeof countIssues>>; direction: Direction; pageSize: number };

export async function loadIssuesList(viewer: TenantViewer, owner: IssueFilter['owner'], params: SearchParams): Promise<IssuesListData> {
  const parsed = parseSearch(issueListSearch, params);
  if (!parsed.ok) return parsed;
  const { sort, pageSize, page: pageRequest, ...filterValues } = parsed.value;
  const filter = { owner, ...filterValues };
  try {
    const [page, total] = await Promise.all([listIssues(viewer, filter, { direction: sort.direction, pageSize, page: pageRequest }), countIssues(viewer, filter)]);
    return { ok: true, page: { ...page, rows: await withLogLinks(viewer, page.rows) }, total, direction: sort.direction, pageSize };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { ok: false, message: error.message };
    throw error;
  }
}
