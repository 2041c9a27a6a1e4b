// /audit — the tenant's audit log (platform admins).
import type { Metadata } from 'next';
import { AuditPage } from '@/components/audit/audit-page';
import { requirePlatformAdmin } from '@/lib/auth/require-viewer';

export const metadata: Metadata = { title: 'Audit log' };

export default async function TenantAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePlatformAdmin();
  return <AuditPage viewer={viewer} path="/audit" title="Audit log" searchParams={await searchParams} />;
}
