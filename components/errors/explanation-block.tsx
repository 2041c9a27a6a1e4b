// What an error means and what an admin can do about it (lib/errors/error-catalog.ts), with the
// organisation's own note when there is one, and the way to every explanation (/errors).
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AppLink } from '@/components/links/app-link';
import type { Explanation } from '@/lib/errors/error-catalog';

export interface NotedExplanation extends Explanation {
  /** The organisation's note on the category, if a platform admin wrote one. */
  note?: string | null;
}

export function ExplanationBlock({ explanation }: { explanation: NotedExplanation }) {
  return (
    <Stack spacing={0.75} sx={{ maxWidth: 480 }}>
      {explanation.meaning && (
        <Typography variant="body2">
          <strong>What it means:</strong> {explanation.meaning}
        </Typography>
      )}
      <Typography variant="body2">
        <strong>What you can do:</strong> {explanation.whatToDo}
      </Typography>
      {explanation.note && (
        <Typography variant="body2">
          <strong>Your organisation’s note:</strong> {explanation.note}
        </Typography>
      )}
      <Typography variant="body2">
        <AppLink href="/errors">What every error means</AppLink>
      </Typography>
    </Stack>
  );
}
