// Every change the audit log records (docs/using-the-panel.md), with the words the pages show.
export const AUDIT_ACTIONS = {
  'panel_access.grant': 'Panel access granted',
  'panel_access.revoke': 'Panel access revoked',
  'admin.add': 'Admin added',
  'admin.remove': 'Admin removed',
  'profile.sync_enable': 'Profile sync enabled',
  'profile.sync_disable': 'Profile sync disabled',
  'user.sync_enable': 'User sync enabled',
  'user.sync_disable': 'User sync disabled',
  // One event for many users; the users themselves are in audit_event_users.
  'users.bulk_sync_enable': 'Sync enabled for many users',
  'users.bulk_sync_disable': 'Sync disabled for many users',
  'user.sync_request': 'Sync requested for a user',
  'users.bulk_sync_request': 'Sync requested for many users',
  // The sync engine reported users or profiles gone from its directory, or back in it.
  'users.engine_remove': 'Users removed by the sync engine',
  'users.engine_restore': 'Users reported again by the sync engine',
  'profile.engine_remove': 'Profile removed by the sync engine',
  'profile.engine_restore': 'Profile reported again by the sync engine',
  'tenant.time_zone_change': 'Time zone changed',
  'alert_rule.create': 'Alert rule created',
  'alert_rule.change': 'Alert rule changed',
  'alert_rule.delete': 'Alert rule deleted',
  'alert_channel.create': 'Alert channel created',
  'alert_channel.delete': 'Alert channel deleted',
  'error_note.set': 'Error category note changed',
  'profile.setting_change': 'Profile setting changed',
  'user.setting_change': 'User setting changed',
  'export.download': 'Data downloaded',
  'token.create': 'Ingestion token created',
  'token.revoke': 'Ingestion token revoked',
  'tenant.create': 'Tenant created',
  'tenant_issuer.add': 'SSO issuer added',
  'tenant_issuer.remove': 'SSO issuer removed',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

// What support's audit shows: the changes support makes, never a tenant's own sync toggles.
export const SUPPORT_AUDIT_ACTIONS: AuditAction[] = [
  'panel_access.grant',
  'panel_access.revoke',
  'admin.add',
  'admin.remove',
  'tenant.create',
  'tenant_issuer.add',
  'tenant_issuer.remove',
];
