// A status always as text AND colour (docs/using-the-panel.md): green for good, red for bad;
// where several statuses share a colour, an icon (and outline or fill) tells them apart. In a
// narrow column a long status takes two lines rather than being cut.
import Chip from '@mui/material/Chip';
import type { ReactElement } from 'react';

const WRAPPING_CHIP = { height: 'auto', minHeight: 24, maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', lineHeight: 1.2, py: '3px' } };

export type StatusTone = 'good' | 'bad' | 'neutral' | 'warning' | 'info';

export function StatusChip({ label, tone, icon, outlined = tone === 'neutral' }: { label: string; tone: StatusTone; icon?: ReactElement; outlined?: boolean }) {
  const color = { good: 'success', bad: 'error', neutral: 'default', warning: 'warning', info: 'info' } as const;
  return <Chip size="small" label={label} color={color[tone]} variant={outlined ? 'outlined' : 'filled'} icon={icon} sx={WRAPPING_CHIP} />;
}
