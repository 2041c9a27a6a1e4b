// The example batch of docs/engine-api.md, as the sync engine sends it.
export const DESIGN_EXAMPLE_BATCH = {
  profiles: [{ id: 'engine-profile-id', name: 'Sales' }],
  users: [{ email: 'jane@acme.test', name: 'Jane Roe', profileId: 'engine-profile-id', syncError: { reason: 'Mailbox rejected the credentials', at: '2026-11-26T10:00:31Z' } }],
  sessions: [
    {
      id: 'engine-session-id',
      userEmail: 'jane@acme.test',
      startedAt: '2026-11-26T10:00:00Z',
      endedAt: '2026-11-26T10:00:31Z',
      status: 'success',
      scope: 120,
      changes: 3,
      issues: 0,
      errorCategory: null,
      errorSource: null,
      message: null,
      log: '...',
    },
  ],
  issues: [
    {
      id: 'engine-issue-id',
      userEmail: 'jane@acme.test',
      sessionId: 'engine-session-id',
      occurredAt: '2026-11-26T10:00:20Z',
      type: 'contact',
      direction: 'outlook_to_salesforce',
      name: 'John Smith',
      operation: 'update',
      errorCode: 1,
      description: '...',
      errorSource: 'crm',
      targetObjectId: '003XX...',
    },
  ],
};
