// /users/{id} — the user's first sub-tab, Statistics, shown at once (no redirect round trip
// with an empty page in between); its links lead on under /users/{id}/statistics.
import UserStatisticsPage from './statistics/page';

export { metadata } from './statistics/page';

export default UserStatisticsPage;
