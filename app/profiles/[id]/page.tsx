// /profiles/{id} — the profile's first sub-tab, Users, shown at once (no redirect round trip
// with an empty page in between); its links lead on under /profiles/{id}/users.
import ProfileUsersPage from './users/page';

export { metadata } from './users/page';

export default ProfileUsersPage;
