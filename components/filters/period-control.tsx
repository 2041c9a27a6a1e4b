'use client';
// The one period control of every list with a period (statistics, sync issues, audit): From and
// To in the browser's time zone, sent as ISO 8601 instants, Apply, and presets that apply at
// once. The fields show what the URL says, even when it is wrong: a reversed period or a value
// that is not a time stays in view, explained in local time, and a reversed period typed here is
// refused before it leaves the page.
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import NextLink from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { withParams } from '@/lib/search/search-params';
import { parseInstant } from '@/lib/time/parse-instant';
import { useIsClient } from '@/components/time/use-is-client';

const PRESETS = [
  { label: '24 hours', hours: 24 },
  { label: '3 days', hours: 72 },
  { label: '7 days', hours: 168 },
  { label: '30 days', hours: 720 },
];

const readable = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "2026-11-26T10:00" in the browser's zone (what a datetime-local field holds); in UTC on the
 *  server and while hydrating, which cannot know the zone. */
function toInput(date: Date, local: boolean): string {
  const offset = local ? date.getTimezoneOffset() * 60_000 : 0;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

const reversedMessage = (from: Date, to: Date) =>
  `The period ends before it starts: From is ${readable.format(from)} and To is ${readable.format(to)} (${timeZone()}). Choose a From before the To.`;

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
  const urlFrom = from ? parseInstant(from) : null;
  const urlTo = to ? parseInstant(to) : null;
  // The fields are uncontrolled: the browser keeps what the admin typed, even before the page
  // is hydrated, while an untouched field follows its default value (the URL's time, local once
  // hydrated). `edited` only decides which explanations still apply.
  const [edited, setEdited] = useState(false);
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const urlProblem = isClient && !edited && urlFrom && urlTo && urlFrom.getTime() >= urlTo.getTime() ? reversedMessage(urlFrom, urlTo) : null;
  const problem = typedProblem ?? urlProblem;
  const notATime = (text: string | null, date: Date | null) => (text && !date && !edited ? `“${text}” is not a date and time.` : null);
  const fields = [
    { name: 'from', label: 'From', defaultValue: urlFrom ? toInput(urlFrom, isClient) : '', error: notATime(from, urlFrom) },
    { name: 'to', label: 'To', defaultValue: urlTo ? toInput(urlTo, isClient) : '', error: notATime(to, urlTo) },
  ];
  const current = () => Object.fromEntries(searchParams.entries());
  const presetHref = (hours: number | null) =>
    withParams(pathname, current(), hours === null ? { from: null, to: null } : { from: new Date(Date.parse(presetBase) - hours * 3_600_000).toISOString(), to: presetBase });
  return (
    <form
      aria-label="Period"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const local = (name: string) => (form.get(name) ? new Date(String(form.get(name))) : null);
        const fromDate = local('from');
        const toDate = local('to');
        if (fromDate && toDate && fromDate.getTime() >= toDate.getTime()) {
          setTypedProblem(reversedMessage(fromDate, toDate));
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
          {PRESETS.map((preset) => (
            <Button key={preset.label} size="small" component={NextLink} href={presetHref(preset.hours)}>
              {preset.label}
            </Button>
          ))}
          {openEnded && (
            <Button size="small" component={NextLink} href={presetHref(null)}>
              All time
            </Button>
          )}
        </Stack>
      </Stack>
      {problem && (
        <FormHelperText id="period-problem" error role="alert" sx={{ fontSize: '0.875rem' }}>
          {problem}
        </FormHelperText>
      )}
    </form>
  );
}
