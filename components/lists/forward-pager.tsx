// The links under a list paged forward only (the audit log, the alert history): back to the
// first page once past it, and on to the next while there is one.
import Stack from '@mui/material/Stack';
import { LinkButton } from '@/components/links/link-button';

export function ForwardPager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  return (
    <Stack direction="row" spacing={1}>
      {firstHref && <LinkButton href={firstHref}>First page</LinkButton>}
      {nextHref && (
        <LinkButton href={nextHref} variant="outlined">
          Next page
        </LinkButton>
      )}
    </Stack>
  );
}
