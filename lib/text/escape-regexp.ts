// A literal text as a regular expression that matches exactly it (the log search and its marks).
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
