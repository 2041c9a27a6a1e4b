// GET /api/profiles/{id}/users?q= — up to 10 users of the profile whose name or email contains
// q, by name: the suggestions of the user filter on the profile's Statistics. JSON, never cached.
import { z } from 'zod';
import { withTenantViewer } from '@/lib/http/with-viewer';
import { getProfile } from '@/lib/profiles/get-profile';
import { text } from '@/lib/search/fields';
import { suggestUsers } from '@/lib/users/list-users';

export const dynamic = 'force-dynamic';

const suggestionSearch = z.object({ q: text('q', 200) });

export const GET = withTenantViewer({ search: suggestionSearch }, async (_request, { viewer, params, search }) => {
  const profile = await getProfile(viewer, (await params).id);
  const users = await suggestUsers(viewer, { profileId: profile.id, q: search.q });
  return Response.json({ users }, { headers: { 'cache-control': 'private, no-store' } });
});
