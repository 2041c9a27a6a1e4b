// /support/audit — the audit of support's changes across tenants.
import type { Metadata } from 'next';
import { AuditPage } from '@/components/audit/audit-page';
import { loadAuditLog } from '@/lib/audit/load-audit-log';
import { requireSupportViewer } from '@/lib/auth/require-viewer';

export const metadata: Metadata = { title: 'Support audit log' };

export default async function SupportAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireSupportViewer();
  const data = await loadAuditLog(viewer, '/support/audit', await searchParams);
  return <AuditPage viewer={viewer} data={data} title="Support audit log" />;
}
