// What each error means: known categories by source and codes explained, unknown ones said to be
// unknown; an organisation's note written by a platform admin only, audited, removed when empty.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import type { TenantViewer } from '@/lib/auth/viewer';
import { listCategoryNotes, setCategoryNote } from '@/lib/errors/category-notes';
import { explainErrorCategory, explainIssueCode } from '@/lib/errors/error-catalog';
import { describeEachDatabase } from '../support/databases';
import { bossAndLead, createTenant, ingest, profileIdOf } from '../support/fixtures';

describe('the error catalog', () => {
  it('explains a category by where it came from, and says when it does not know one', () => {
    const crm = explainErrorCategory('Authorization', 'crm');
    expect(crm.known).toBe(true);
    expect(crm.whatToDo).toMatch(/reconnects Salesforce in the add-in/);
    expect(explainErrorCategory('Authorization', 'mail_server').whatToDo).toMatch(/signs in to their mailbox again/);
    // A source without its own words takes the category's.
    expect(explainErrorCategory('Connectivity', 'crm').meaning).toBe(explainErrorCategory('Connectivity', null).meaning);
    expect(explainErrorCategory('Throttling', 'crm').whatToDo).toMatch(/Retried automatically/);
    const unknown = explainErrorCategory('Quantum', 'crm');
    expect(unknown).toMatchObject({ known: false, meaning: '“Quantum” is not a category this panel knows: the sync engine reported it as it is.' });
    expect(explainErrorCategory(null, null).known).toBe(false);
  });

  it('explains the error codes of sync issues, and no other', () => {
    expect(explainIssueCode(1)).toMatchObject({ known: true, meaning: 'The object is locked; an error occurred during the operation' });
    expect(explainIssueCode(1).whatToDo).toMatch(/who holds the record/);
    expect(explainIssueCode(42)).toMatchObject({ known: false, meaning: 'Error code 42 is not one this panel knows.' });
  });
});

describeEachDatabase('an organisation’s notes on error categories', (database) => {
  let boss: TenantViewer;
  let lead: TenantViewer;
  let tenantId: string;

  beforeAll(async () => {
    const { db } = database();
    tenantId = (await createTenant(db)).id;
    await ingest(db, tenantId, { profiles: [{ id: 'p', name: 'P' }] });
    ({ boss, lead } = await bossAndLead(db, tenantId, await profileIdOf(db, tenantId, 'p')));
  });

  it('are written by platform admins, read by every admin of the tenant, audited, and removed when emptied', async () => {
    await expect(setCategoryNote(lead, 'Authorization', 'Call IT')).rejects.toMatchObject({ status: 403 });
    await setCategoryNote(boss, 'Authorization', 'Open a ticket with IT, queue CRM');
    expect(await listCategoryNotes(lead)).toEqual({ Authorization: 'Open a ticket with IT, queue CRM' });
    // The same note again changes nothing and is not audited twice.
    await setCategoryNote(boss, 'Authorization', 'Open a ticket with IT, queue CRM');
    await setCategoryNote(boss, 'Authorization', '');
    expect(await listCategoryNotes(boss)).toEqual({});
    const events = await database().db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'error_note.set')));
    expect(events.map((e) => [e.before, e.after])).toEqual(
      expect.arrayContaining([
        [{ note: null }, { note: 'Open a ticket with IT, queue CRM' }],
        [{ note: 'Open a ticket with IT, queue CRM' }, { note: null }],
      ]),
    );
    expect(events).toHaveLength(2);
  });
});
