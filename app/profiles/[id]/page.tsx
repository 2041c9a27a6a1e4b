// /profiles/{id} — opens the profile's first sub-tab.
import { redirect } from 'next/navigation';

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/profiles/${encodeURIComponent(id)}/users`);
}
