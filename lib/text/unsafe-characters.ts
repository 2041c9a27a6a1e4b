// Characters the panel refuses at its edges. PostgreSQL's text cannot hold NUL at all; URL text
// (searches, filters, paths) has no use for any control character.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const containsNul = (text: string) => text.includes('\u0000');
