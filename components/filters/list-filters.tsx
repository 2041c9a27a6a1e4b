// The filters above every list, in one arrangement: the period (where the list has one), then
// the "Filter by" menu with the active filters, and anything a list adds (the users' search).
// Reads the values from the URL, so what the fields show is what the address says.
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import type { FilterSection } from '@/lib/search/filter-sections';
import { single, type SearchParams } from '@/lib/search/search-params';
import { FilterBy } from './filter-by';
import { PeriodControl } from './period-control';

export interface ListPeriod {
  /** What the page shows when the URL names no period (statistics: the last 3 days); none: all time. */
  defaults?: { from: string; to: string };
  /** "Now" for the presets, as the server saw it. */
  presetBase: string;
}

export function ListFilters({ params, sections, period, children }: { params: SearchParams; sections: FilterSection[]; period?: ListPeriod; children?: ReactNode }) {
  const from = single(params.from) ?? period?.defaults?.from ?? null;
  const to = single(params.to) ?? period?.defaults?.to ?? null;
  const current = Object.fromEntries(sections.map((section) => [section.param, single(params[section.param])]));
  return (
    <Stack spacing={1.5}>
      {period && (
        // Keyed on the URL's period: a preset link or Back refills the fields instead of keeping old input.
        <PeriodControl key={`${from}|${to}`} from={from} to={to} presetBase={period.presetBase} openEnded={!period.defaults} />
      )}
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <FilterBy sections={sections} current={current} />
        {children}
      </Stack>
    </Stack>
  );
}
