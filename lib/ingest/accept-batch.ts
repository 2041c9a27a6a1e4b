import 'server-only';
// POST /api/ingest/v1/batch end to end, without HTTP: size limits, JSON, validation with every
// problem by JSON path, references, then one transaction.
import type { z } from 'zod';
import { badRequest, HttpError } from '@/lib/http/errors';
import { getDatabase } from '@/db/client';
import { batchSchema, MAX_SECTION_ITEMS } from './batch-schema';
import { IngestReferenceError, type IngestProblem } from './resolve-references';
import { writeBatch, type BatchCounts } from './write-batch';
import { alertsAfterBatch } from '@/lib/alerts/alert-runner';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const SECTIONS = ['profiles', 'users', 'sessions', 'issues'] as const;

function jsonPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export function describeIssues(issues: z.core.$ZodIssue[]): IngestProblem[] {
  return issues.map((issue) => ({ path: jsonPath(issue.path) || '(body)', message: issue.message }));
}

export async function acceptBatch(tenantId: string, body: Uint8Array): Promise<BatchCounts> {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw badRequest('The body is not valid UTF-8 JSON.');
  }
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    for (const section of SECTIONS) {
      const items = (payload as Record<string, unknown>)[section];
      if (Array.isArray(items) && items.length > MAX_SECTION_ITEMS) {
        throw new HttpError(413, `"${section}" has ${items.length} items; a batch takes at most ${MAX_SECTION_ITEMS} per section.`);
      }
    }
  }
  const parsed = batchSchema.safeParse(payload);
  if (!parsed.success) throw new HttpError(422, 'The batch is invalid; nothing was written.', describeIssues(parsed.error.issues));
  try {
    const counts = await writeBatch(getDatabase().ingestDb, tenantId, parsed.data);
    // Committed: the tenant's alert rules may fire (in the background; the engine does not wait).
    alertsAfterBatch(tenantId);
    return counts;
  } catch (error) {
    if (error instanceof IngestReferenceError) throw new HttpError(422, error.summary, error.problems);
    throw error;
  }
}
