// Paging by cursor under a list: rows per page, previous and next page, and a capped count.
import Stack from '@mui/material/Stack';
import { formatCappedCount } from '@/lib/paging/format-count';
import Typography from '@mui/material/Typography';
import { LinkButton } from '@/components/links/link-button';
import { PAGE_SIZES } from '@/lib/paging/cursor';
import { withParams, type SearchParams } from '@/lib/search/search-params';

// One style for the page sizes and the way back, the current size filled in by its aria-current:
// one CSS class for all of them (each distinct variant or sx is a whole button's rules again).
const PAGER_LINK = {
  '&[aria-current="true"]': { bgcolor: 'primary.main', color: 'primary.contrastText', '&:hover': { bgcolor: 'primary.dark' } },
} as const;

export function KeysetPager({
  path,
  params,
  pageSize,
  previousCursor,
  nextCursor,
  total,
  noun,
}: {
  path: string;
  params: SearchParams;
  pageSize: number;
  previousCursor: string | null;
  nextCursor: string | null;
  total?: { count: number; capped: boolean };
  noun: string;
}) {
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }} component="nav" aria-label="Pages">
      <Typography variant="body2" color="text.secondary">
        {total ? `${formatCappedCount(total)} ${noun}` : ''}
      </Typography>
      {/* Page sizes and paging each stay on one line; on a phone the paging moves under them. */}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            Rows per page:
          </Typography>
          {PAGE_SIZES.map((size) => (
            <LinkButton
              key={size}
              size="small"
              href={withParams(path, params, { pageSize: size === 25 ? null : String(size) })}
              sx={PAGER_LINK}
              aria-current={size === pageSize ? 'true' : undefined}
              aria-label={`${size} rows per page`}
            >
              {size}
            </LinkButton>
          ))}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LinkButton size="small" sx={PAGER_LINK} href={withParams(path, params, {})} disabled={!previousCursor}>
            First page
          </LinkButton>
          <LinkButton size="small" sx={PAGER_LINK} href={previousCursor ? withParams(path, params, { before: previousCursor }) : '#'} disabled={!previousCursor}>
            ‹ Previous
          </LinkButton>
          <LinkButton size="small" href={nextCursor ? withParams(path, params, { after: nextCursor }) : '#'} disabled={!nextCursor} variant="outlined">
            Next ›
          </LinkButton>
        </Stack>
      </Stack>
    </Stack>
  );
}
