// /support/audit — the audit of support's changes across tenants.
import type { Metadata } from 'next';
import { AuditPage } from '@/components/audit/audit-page';
import { requireSupportViewer } from '@/lib/auth/require-viewer';

export const metadata: Metadata = { title: 'Support audit log' };

export default async function SupportAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireSupportViewer();
  return <AuditPage viewer={viewer} path="/support/audit" title="Support audit log" searchParams={await searchParams} />;
}
