// A status always as text AND colour (docs/using-the-panel.md): green for good, red for bad.
import Chip from '@mui/material/Chip';

export function StatusChip({ label, tone }: { label: string; tone: 'good' | 'bad' | 'neutral' | 'warning' | 'info' }) {
  const color = { good: 'success', bad: 'error', neutral: 'default', warning: 'warning', info: 'info' } as const;
  return <Chip size="small" label={label} color={color[tone]} variant={tone === 'neutral' ? 'outlined' : 'filled'} />;
}
