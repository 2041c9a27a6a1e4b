// How fresh a tenant's data is: each batch records its arrival; the data is late after twice the
// longest sync interval in use (a profile's or a user's, or the default), at a "now" moved
// forward in the test rather than waited for.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { profileSettings, userSettings } from '@/db/schema';
import { engineFreshness } from '@/lib/freshness/engine-freshness';
import { describeEachDatabase } from '../support/databases';
import { createTenant, ingest, profileIdOf } from '../support/fixtures';

const minutes = (n: number) => n * 60_000;

describeEachDatabase('the sync engine’s freshness', (database) => {
  let tenantId: string;

  beforeAll(async () => {
    tenantId = (await createTenant(database().db)).id;
  });

  it('is late before the first batch, and counts from each batch', async () => {
    expect(await engineFreshness(tenantId)).toMatchObject({ lastBatchAt: null, late: true });
    const before = Date.now();
    await ingest(database().db, tenantId, { profiles: [{ id: 'p', name: 'P' }], users: [{ email: 'a@t.test', name: 'A', profileId: 'p' }] });
    const fresh = await engineFreshness(tenantId);
    expect(Date.parse(fresh.lastBatchAt!)).toBeGreaterThanOrEqual(before - 1_000);
    // Every profile on the default interval (30 minutes): late after an hour without a batch.
    expect(fresh).toMatchObject({ longestIntervalMinutes: 30, lateAfterMinutes: 60, late: false });
    const last = Date.parse(fresh.lastBatchAt!);
    expect((await engineFreshness(tenantId, new Date(last + minutes(59)))).late).toBe(false);
    expect((await engineFreshness(tenantId, new Date(last + minutes(61)))).late).toBe(true);
  });

  it('waits for the longest interval in use: a profile’s, or a user’s own', async () => {
    const { db } = database();
    const profileId = await profileIdOf(db, tenantId, 'p');
    await db.insert(profileSettings).values({ tenantId, profileId, key: 'syncInterval', value: '15', forced: false });
    // The only profile now syncs every 15 minutes: the default is no longer in use.
    expect(await engineFreshness(tenantId)).toMatchObject({ longestIntervalMinutes: 15, lateAfterMinutes: 30 });
    await ingest(db, tenantId, { users: [{ email: 'a@t.test', name: 'A', profileId: 'p', settings: { syncInterval: '240' } }] });
    const slow = await engineFreshness(tenantId);
    expect(slow).toMatchObject({ longestIntervalMinutes: 240, lateAfterMinutes: 480 });
    expect((await engineFreshness(tenantId, new Date(Date.parse(slow.lastBatchAt!) + minutes(300)))).late).toBe(false);
    await db.delete(userSettings).where(eq(userSettings.tenantId, tenantId));
    await db.delete(profileSettings).where(eq(profileSettings.tenantId, tenantId));
  });

  it('counts an empty batch: an engine with nothing to report says it is alive', async () => {
    const quiet = (await createTenant(database().db)).id;
    await ingest(database().db, quiet, {});
    expect(await engineFreshness(quiet)).toMatchObject({ late: false });
  });
});
