// /alerts/history — every notification of the viewer's rules (a platform admin: the
// organisation's) with its delivery: filterable by period, status, event, rule and channel.
import type { Metadata } from 'next';
import { AlertHistoryView } from '@/components/alerts/alert-history-view';
import { loadAlertHistory } from '@/lib/alerts/load-alert-history';
import { requireTenantViewer } from '@/lib/auth/require-viewer';

export const metadata: Metadata = { title: 'Alert history' };

export default async function AlertHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireTenantViewer();
  return <AlertHistoryView {...await loadAlertHistory(viewer, await searchParams)} />;
}
