// Short text in a narrow column that may take a second line ("Sync application") instead of
// being cut; the row grows with it (the grid's `wrapRows`).
import type { ReactNode } from 'react';

export function WrappedText({ text }: { text: ReactNode }) {
  return <span style={{ whiteSpace: 'normal', lineHeight: 1.3 }}>{text}</span>;
}
