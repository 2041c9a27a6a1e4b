// /users/{id} — the user's details (the layout); statistics and sync issues join as sub-tabs.
export default function UserPage() {
  return null;
}
