// A status always as text AND colour (docs/using-the-panel.md): green for good, red for bad;
// where several statuses share a colour, an icon (and outline or fill) tells them apart.
import Chip from '@mui/material/Chip';
import type { ReactElement } from 'react';

export type StatusTone = 'good' | 'bad' | 'neutral' | 'warning' | 'info';

export function StatusChip({ label, tone, icon, outlined = tone === 'neutral' }: { label: string; tone: StatusTone; icon?: ReactElement; outlined?: boolean }) {
  const color = { good: 'success', bad: 'error', neutral: 'default', warning: 'warning', info: 'info' } as const;
  return <Chip size="small" label={label} color={color[tone]} variant={outlined ? 'outlined' : 'filled'} icon={icon} />;
}
