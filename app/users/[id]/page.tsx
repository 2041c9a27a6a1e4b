// /users/{id} — opens the user's first sub-tab.
import { redirect } from 'next/navigation';

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/users/${encodeURIComponent(id)}/statistics`);
}
