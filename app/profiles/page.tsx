// /profiles — the profiles in the admin's scope with their Synchronization status.
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { FilterBy } from '@/components/filters/filter-by';
import { KeysetPager } from '@/components/lists/keyset-pager';
import { ListProblem } from '@/components/lists/list-problem';
import { AppLink } from '@/components/links/app-link';
import { ProfilesGrid } from '@/components/profiles/profiles-grid';
import { StatusChip } from '@/components/status/status-chip';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { InvalidCursorError } from '@/lib/paging/cursor';
import { getColumnVisibility } from '@/lib/preferences/column-visibility';
import { countProfilesByStatus, listProfiles } from '@/lib/profiles/list-profiles';
import { profileListSearch } from '@/lib/profiles/profile-search';
import { profileFilterSections } from '@/lib/search/filter-sections';
import { parseSearch } from '@/lib/search/parse-search';
import type { SearchParams } from '@/lib/search/search-params';

export const metadata: Metadata = { title: 'Profiles' };

export default async function ProfilesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireTenantViewer();
  const params = await searchParams;
  const parsed = parseSearch(profileListSearch, params);
  const counts = await countProfilesByStatus(viewer);
  const header = (
    <>
      <Typography variant="h1">Profiles</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <FilterBy sections={profileFilterSections()} current={{ status: parsed.ok ? parsed.value.status : null }} />
        <AppLink href="/profiles?status=enabled">
          <StatusChip label={`Enabled: ${counts.enabled}`} tone="good" />
        </AppLink>
        <AppLink href="/profiles?status=disabled">
          <StatusChip label={`Disabled: ${counts.disabled}`} tone="bad" />
        </AppLink>
      </Stack>
    </>
  );
  if (!parsed.ok) {
    return <ListProblem controls={header} message={parsed.message} resetHref="/profiles" resetLabel="Show all profiles" />;
  }
  try {
    const [page, columnVisibility] = await Promise.all([listProfiles(viewer, parsed.value), getColumnVisibility(viewer, 'profiles')]);
    return (
      <Stack spacing={2}>
        {header}
        <ProfilesGrid rows={page.rows} direction={parsed.value.direction} columnVisibility={columnVisibility} />
        <KeysetPager path="/profiles" params={params} pageSize={parsed.value.pageSize} previousCursor={page.previousCursor} nextCursor={page.nextCursor} noun="profiles" />
      </Stack>
    );
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return <ListProblem controls={header} message={error.message} resetHref="/profiles" resetLabel="Show all profiles" />;
  }
}
