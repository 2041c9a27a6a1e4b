'use client';
// The one period control of every list with a period (statistics, sync issues, audit): From and
// To in the organisation's time zone (whatever the browser's), sent as ISO 8601 instants, Apply,
// and presets that apply at once (lib/time/period-presets.ts). The fields show what the URL says, even when it is wrong: a reversed period or a value
// that is not a time stays in view, explained in local time, and a reversed period typed here is
// refused before it leaves the page.
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import NextLink from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { withParams } from '@/lib/search/search-params';
import { parseInstant } from '@/lib/time/parse-instant';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from '@/lib/time/period-presets';
import { instantOfWallTime, wallTimeIn } from '@/lib/time/zoned-time';
import { useIsClient } from '@/components/time/use-is-client';
import { useTimeZone } from '@/components/time/time-zone-context';

/** "Nov 26, 2026, 10:00 AM" in the zone, in the browser's language (only the browser says it). */
function readable(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

const reversedMessage = (from: Date, to: Date, timeZone: string) =>
  `The period ends before it starts: From is ${readable(from, timeZone)} and To is ${readable(to, timeZone)} (${timeZone}). Choose a From before the To.`;

export interface PeriodControlProps {
  /** The URL's `from` and `to` as given, or the page's defaults. */
  from: string | null;
  to: string | null;
  /** "Now" for the presets, from the server so that server and browser links agree. */
  presetBase: string;
  /** Where an absent end means no limit (sync issues, audit): empty fields say so, and "All time" clears both. */
  openEnded?: boolean;
}

export function PeriodControl({ from, to, presetBase, openEnded = false }: PeriodControlProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isClient = useIsClient();
  const timeZone = useTimeZone();
  const urlFrom = from ? parseInstant(from) : null;
  const urlTo = to ? parseInstant(to) : null;
  // The fields are uncontrolled: the browser keeps what the admin typed, even before the page
  // is hydrated, while an untouched field follows its default value (the URL's time, local once
  // hydrated). `edited` only decides which explanations still apply.
  const [edited, setEdited] = useState(false);
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const urlProblem = isClient && !edited && urlFrom && urlTo && urlFrom.getTime() >= urlTo.getTime() ? reversedMessage(urlFrom, urlTo, timeZone) : null;
  const problem = typedProblem ?? urlProblem;
  const notATime = (text: string | null, date: Date | null) => (text && !date && !edited ? `“${text}” is not a date and time.` : null);
  const fields = [
    { name: 'from', label: 'From', defaultValue: urlFrom ? wallTimeIn(timeZone, urlFrom) : '', error: notATime(from, urlFrom) },
    { name: 'to', label: 'To', defaultValue: urlTo ? wallTimeIn(timeZone, urlTo) : '', error: notATime(to, urlTo) },
  ];
  const current = () => Object.fromEntries(searchParams.entries());
  const presetHref = (preset: PeriodPreset | null) => {
    if (!preset) return withParams(pathname, current(), { from: null, to: null });
    const { from, to } = presetRange(preset, timeZone, new Date(presetBase));
    return withParams(pathname, current(), { from: from.toISOString(), to: to.toISOString() });
  };
  return (
    <form
      aria-label="Period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        // What the admin typed is a wall time in the organisation's zone.
        const local = (name: string) => (form.get(name) ? instantOfWallTime(timeZone, String(form.get(name))) : null);
        const fromDate = local('from');
        const toDate = local('to');
        if (fromDate && toDate && fromDate.getTime() >= toDate.getTime()) {
          setTypedProblem(reversedMessage(fromDate, toDate, timeZone));
          return;
        }
        setTypedProblem(null);
        router.push(withParams(pathname, current(), { from: fromDate?.toISOString() ?? null, to: toDate?.toISOString() ?? null }));
      }}
    >
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {fields.map((field) => (
          <TextField
            key={field.name}
            name={field.name}
            label={field.label}
            type="datetime-local"
            size="small"
            defaultValue={field.defaultValue}
            onChange={() => {
              setEdited(true);
              setTypedProblem(null);
            }}
            error={Boolean(field.error || problem)}
            helperText={field.error}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-describedby': problem ? 'period-problem' : undefined } }}
          />
        ))}
        {/* Beside the fields (40 px tall), not stretched by their error lines: no sx, one button class fewer. */}
        <Stack sx={{ height: 40, justifyContent: 'center' }}>
          <Button type="submit" variant="contained">
            Apply
          </Button>
        </Stack>
        <Stack direction="row" spacing={0.5} useFlexGap aria-label="Presets" role="group" sx={{ alignItems: 'center', flexWrap: 'wrap', mt: '4px' }}>
          {PERIOD_PRESETS.map((preset) => (
            <Button key={preset.label} size="small" component={NextLink} href={presetHref(preset)}>
              {preset.label}
            </Button>
          ))}
          {openEnded && (
            <Button size="small" component={NextLink} href={presetHref(null)}>
              All time
            </Button>
          )}
        </Stack>
        {/* The zone the fields and the presets count in (the organisation's, not the browser's). */}
        <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
          Times in {timeZone}
        </Typography>
      </Stack>
      {problem && (
        <FormHelperText id="period-problem" error role="alert" sx={{ fontSize: '0.875rem' }}>
          {problem}
        </FormHelperText>
      )}
    </form>
  );
}
