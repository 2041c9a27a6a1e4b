import 'server-only';
// The time bounds of the two kinds of transactions, from the environment (docs/operations.md).
import type { TransactionLimits } from '@/db/run-transaction';
import { env } from '@/config/env';

/** Pages, route handlers and admin actions: a few seconds. */
export const interactiveLimits = (): TransactionLimits => ({ statementTimeoutMs: env().DB_STATEMENT_TIMEOUT_MS, lockTimeoutMs: env().DB_LOCK_TIMEOUT_MS });

/** The sync engine's batches: larger statements, and a wait for the tenant's other batches. */
export const ingestLimits = (): TransactionLimits => ({ statementTimeoutMs: env().INGEST_STATEMENT_TIMEOUT_MS, lockTimeoutMs: env().INGEST_LOCK_TIMEOUT_MS });

/** Scheduled steps (the daily move of the period rollups): a large tenant's move takes seconds;
 * the bound only stops one that hangs. */
export const scheduledLimits = (): TransactionLimits => ({ statementTimeoutMs: 5 * 60_000, lockTimeoutMs: 30_000 });

/** An admin's bulk action (tens of thousands of users in one statement): the statement may take
 * as long as a batch's, but it waits no longer for locks than a page does. */
export const bulkActionLimits = (): TransactionLimits => ({ statementTimeoutMs: env().INGEST_STATEMENT_TIMEOUT_MS, lockTimeoutMs: env().DB_LOCK_TIMEOUT_MS });
