// /audit — the tenant's audit log (platform admins).
import type { Metadata } from 'next';
import { AuditPage } from '@/components/audit/audit-page';
import { loadAuditLog } from '@/lib/audit/load-audit-log';
import { requirePlatformAdmin } from '@/lib/auth/require-viewer';

export const metadata: Metadata = { title: 'Audit log' };

export default async function TenantAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePlatformAdmin();
  const data = await loadAuditLog(viewer, '/audit', await searchParams);
  return <AuditPage viewer={viewer} data={data} title="Audit log" />;
}
