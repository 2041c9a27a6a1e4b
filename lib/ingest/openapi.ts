// The ingestion API described from the same zod schemas that validate it.
import { z } from 'zod';
import { batchSchema } from './batch-schema';

const schema = (value: z.ZodType) => z.toJSONSchema(value, { io: 'input', target: 'openapi-3.0' });

const problems = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', example: 'sessions[3].status' }, message: { type: 'string' } } } },
  },
};

const syncRequestFeed = schema(
  z.object({
    requests: z.array(
      z.object({
        id: z.uuid().describe("The request's id: send it back as the answering session's `requestId`"),
        seq: z.number().int().describe('Its place in the tenant\'s feed: the cursor'),
        userEmail: z.string(),
        profileId: z.string().describe("The profile's engine id, as in sync-state"),
        requestedAt: z.string().describe('ISO 8601, UTC'),
      }),
    ),
    next: z.number().int().describe('The `after` of the next call: the last `seq` returned, or the `after` given when none was'),
  }),
);

const syncState = schema(
  z.object({
    profiles: z.array(z.object({ id: z.string(), name: z.string(), syncEnabled: z.boolean() })),
    users: z.array(z.object({ email: z.string(), profileId: z.string(), syncEnabled: z.boolean(), syncEnabledAt: z.string().nullable() })),
  }),
);

export function buildOpenApiDocument() {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Problems' } } } });
  return {
    openapi: '3.0.3',
    info: {
      title: 'Sync Admin Panel ingestion API',
      version: '1',
      description:
        'The sync engine reports profiles, users, sessions (with logs) and sync issues in idempotent, all-or-nothing batches, and reads the admins\' switches. Every section is optional; upserts go by the engine\'s ids (users by email); sessions only move forward. A user or profile that left is reported with `removed: true` (its key alone is enough): it leaves the panel\'s lists and sync-state, keeps its history, and comes back when reported again; a profile is removed only without users.',
    },
    servers: [{ url: '/api/ingest/v1' }],
    components: {
      securitySchemes: { ingestionToken: { type: 'http', scheme: 'bearer', description: 'Created with `npm run token -- create --tenant <slug>`' } },
      schemas: { Batch: schema(batchSchema), Problems: problems, SyncState: syncState, SyncRequestFeed: syncRequestFeed },
    },
    security: [{ ingestionToken: [] }],
    paths: {
      '/batch': {
        post: {
          summary: 'Report a batch',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } } },
          responses: {
            '200': {
              description: 'Accepted: the number of items of each section',
              content: { 'application/json': { schema: { type: 'object', properties: { profiles: { type: 'integer' }, users: { type: 'integer' }, sessions: { type: 'integer' }, issues: { type: 'integer' }, outsideRetention: { type: 'object', description: 'Sessions and issues not stored: dated before the retention or more than a day ahead.', properties: { sessions: { type: 'integer' }, issues: { type: 'integer' } } } } } } },
            },
            '400': error('The body is not JSON'),
            '401': error('Missing, unknown or revoked token'),
            '413': error('Body over 64 MB or a section over 10,000 items'),
            '422': error('Invalid items, references unknown to the tenant, or a removed profile that would keep users, each by JSON path; nothing written'),
          },
        },
      },
      '/sessions/{id}/log': {
        put: {
          summary: "Send a session's log as a stream (for logs too large for a batch)",
          description:
            "The body is the log's text as it is, or gzip'd with `Content-Encoding: gzip`; up to 2 GB uncompressed (the panel's LOG_MAX_BYTES). The session must have been reported in a batch first. The log replaces the session's log only once it has arrived whole: an upload that breaks off, or is refused, leaves the previous one. Send each log once at a time; a new upload of the same session replaces the log. Small logs can also go in a batch's `sessions[].log`.",
          parameters: [
            { name: 'id', in: 'path', required: true, description: "The engine's session id (the batch's `sessions[].id`)", schema: { type: 'string' } },
            { name: 'Content-Encoding', in: 'header', required: false, schema: { type: 'string', enum: ['identity', 'gzip'] } },
          ],
          requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            '200': {
              description: 'Stored: what the panel found in the log',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      session: { type: 'string' },
                      sizeBytes: { type: 'integer', description: 'Uncompressed bytes' },
                      lines: { type: 'integer' },
                      firstErrorLine: { type: 'integer', nullable: true, description: 'The first line whose level is ERROR, FATAL or CRITICAL' },
                      errorPatterns: { type: 'integer', description: 'Distinct ERROR and WARN message patterns' },
                    },
                  },
                },
              },
            },
            '400': error('Content-Encoding: gzip with a body that is not gzip'),
            '401': error('Missing, unknown or revoked token'),
            '404': error('No session with this id in the tenant: report it in a batch first'),
            '408': error('The body stopped arriving (LOG_UPLOAD_IDLE_TIMEOUT_MS) or took longer than LOG_UPLOAD_TIMEOUT_MS; nothing changed'),
            '413': error('The log is larger than LOG_MAX_BYTES; nothing changed'),
            '415': error('A Content-Encoding other than gzip'),
            '429': error('The tenant already has LOG_UPLOADS_PER_TENANT uploads in progress (Retry-After)'),
          },
        },
      },
      '/sync-requests': {
        get: {
          summary: 'The admins\' "Sync now" requests, oldest first, after a cursor',
          description:
            "Each request asks the engine to start a session for one user at once. Keep the last `seq` read and send it as `after`; requests are numbered in the order the panel committed them, so a cursor never passes one. Start the session and report it in a batch with `sessions[].requestId` set to the request's id: the admin sees the request answered. A request the engine cannot serve (the user was disabled meanwhile) can be left unanswered. Poll this feed as often as sync-state; it is apart from sync-state so that a click does not change that document's ETag.",
          parameters: [
            { name: 'after', in: 'query', required: false, description: 'The last `seq` already read (0 or absent: from the first)', schema: { type: 'integer', minimum: 0 } },
            { name: 'limit', in: 'query', required: false, description: 'At most this many requests (1 to 1,000; 100 when absent)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: {
            '200': { description: 'The requests after the cursor, and the next cursor', content: { 'application/json': { schema: { $ref: '#/components/schemas/SyncRequestFeed' } } } },
            '400': error('`after` or `limit` is not a whole number in range'),
            '401': error('Missing, unknown or revoked token'),
          },
        },
      },
      '/sync-state': {
        get: {
          summary: "The admins' switches to obey",
          parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The state, with an ETag', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/SyncState' } } } },
            '304': { description: 'Unchanged since the ETag given' },
            '401': error('Missing, unknown or revoked token'),
          },
        },
      },
    },
  };
}
