// The audit pages' URL: from, to, action, pageSize, cursor (the audit pages forward only).
import { z } from 'zod';
import { oneOf, pagingFields, periodFields, toPeriod } from '@/lib/search/fields';
import { AUDIT_ACTION_KEYS } from './audit-actions';

export const auditSearch = z
  .object({ ...periodFields, action: oneOf('action', AUDIT_ACTION_KEYS, 'one of the listed actions'), pageSize: pagingFields.pageSize, cursor: pagingFields.after })
  .transform(toPeriod());
