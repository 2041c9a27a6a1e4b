// GET /api/ingest/v1/openapi.json — the ingestion API, described from its zod schemas. Public.
import { buildOpenApiDocument } from '@/lib/ingest/openapi';

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
