// What a server action answers its form (shared by the action and the client form).
export type ActionState = { ok: boolean; message: string } | null;
