'use client';
// The one way every list filters by a value: the vendor's "Filter by" menu, a section per
// filter, where picking an option applies it at once (each option is a link, so every view is
// a link too), and a chip per active filter that removes it. The page builds the sections on
// the server (lib/search/filter-sections.ts words them); this only turns them into links of the
// current URL, paging restarted.
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import FilterListIcon from '@mui/icons-material/FilterList';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import NextLink from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Fragment, useState } from 'react';
import { withParams } from '@/lib/search/search-params';
import type { FilterSection } from '@/lib/search/filter-sections';

/** The current URL with one parameter changed (null removes it), paging restarted. */
function useFilterHref(): (param: string, value: string | null) => string {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (param, value) => withParams(pathname, Object.fromEntries(searchParams.entries()), { [param]: value });
}

/** What an active filter is called on its chip: "Status: Error". */
function activeLabel(section: FilterSection, value: string): string {
  const option = section.options.find((o) => o.value === value);
  return `${section.title}: ${option?.label ?? value}`;
}

/** The tick beside the chosen option of a section (the highlight alone is faint). */
const ChosenMark = () => <CheckIcon fontSize="small" color="primary" sx={{ ml: 2 }} aria-hidden />;

export function FilterBy({ sections, current }: { sections: FilterSection[]; current: Record<string, string | null> }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const href = useFilterHref();
  const active = sections.filter((section) => current[section.param]);
  const close = () => setAnchor(null);
  return (
    // No wider than the row it is in: a chip with a long value (an error's reason) is cut short
    // with an ellipsis instead of widening the page on a phone.
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' }}>
      <Button
        variant="outlined"
        startIcon={<FilterListIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'filter-by-menu' : undefined}
      >
        Filter by{active.length ? ` (${active.length})` : ''}
      </Button>
      <Menu id="filter-by-menu" anchorEl={anchor} open={anchor !== null} onClose={close} slotProps={{ paper: { sx: { maxHeight: '70vh', maxWidth: 420 } } }}>
        {sections.map((section) => {
          const selected = current[section.param] ?? null;
          return (
            <Fragment key={section.param}>
              {/* A menu may only hold items and separators: the section title is a named separator. */}
              <ListSubheader role="separator" aria-label={section.title}>
                {section.title}
              </ListSubheader>
              <MenuItem component={NextLink} href={href(section.param, null)} selected={selected === null} onClick={close}>
                <ListItemText primary={section.allLabel} />
                {selected === null && <ChosenMark />}
              </MenuItem>
              {section.options.map((option) => (
                <MenuItem key={option.value} component={NextLink} href={href(section.param, option.value)} selected={selected === option.value} onClick={close}>
                  <ListItemText primary={option.label} secondary={option.detail} slotProps={{ primary: { sx: { whiteSpace: 'normal', overflowWrap: 'anywhere' } }, secondary: { sx: { whiteSpace: 'normal' } } }} />
                  {selected === option.value && <ChosenMark />}
                </MenuItem>
              ))}
            </Fragment>
          );
        })}
      </Menu>
      {active.map((section) => {
        const label = activeLabel(section, current[section.param]!);
        return (
          <Chip
            key={section.param}
            component={NextLink}
            href={href(section.param, null)}
            clickable
            // The whole chip is the link that removes the filter; the cross only says so.
            label={
              <Box component="span" sx={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
                <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {label}
                </Box>
                <CloseIcon aria-hidden sx={{ fontSize: 16, ml: 0.5, flexShrink: 0 }} />
              </Box>
            }
            aria-label={`Remove the filter ${label}`}
            title={label}
            sx={{ maxWidth: '100%' }}
          />
        );
      })}
    </Stack>
  );
}
