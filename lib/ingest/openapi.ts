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
        'The sync engine reports profiles, users, sessions (with logs) and sync issues in idempotent, all-or-nothing batches, and reads the admins\' switches. Every section is optional; upserts go by the engine\'s ids (users by email); sessions only move forward.',
    },
    servers: [{ url: '/api/ingest/v1' }],
    components: {
      securitySchemes: { ingestionToken: { type: 'http', scheme: 'bearer', description: 'Created with `npm run token -- create --tenant <slug>`' } },
      schemas: { Batch: schema(batchSchema), Problems: problems, SyncState: syncState },
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
              content: { 'application/json': { schema: { type: 'object', properties: { profiles: { type: 'integer' }, users: { type: 'integer' }, sessions: { type: 'integer' }, issues: { type: 'integer' } } } } },
            },
            '400': error('The body is not JSON'),
            '401': error('Missing, unknown or revoked token'),
            '413': error('Body over 64 MB or a section over 10,000 items'),
            '422': error('Invalid items or references unknown to the tenant, each by JSON path; nothing written'),
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
