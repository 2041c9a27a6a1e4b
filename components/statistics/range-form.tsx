'use client';
// From and To at the top of a statistics page (in the browser's time zone, sent as ISO 8601
// instants), the presets, and the status, error source and error category filters. Applying is a navigation: the view is a link.
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import NextLink from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';

const PRESETS = [
  { label: '24 hours', hours: 24 },
  { label: '3 days', hours: 72 },
  { label: '7 days', hours: 168 },
  { label: '30 days', hours: 720 },
];

// "2026-11-26T10:00" in the browser's zone, from an ISO instant, and back.
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A select of the form: "all" (empty) or one of the options, by value -> label. */
function ChoiceField(props: { label: string; allLabel: string; value: string; onChange: (value: string) => void; options: Record<string, string>; minWidth: number }) {
  return (
    <TextField
      select
      label={props.label}
      size="small"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      sx={{ minWidth: props.minWidth }}
      slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
    >
      <MenuItem value="">{props.allLabel}</MenuItem>
      {Object.entries(props.options).map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

interface RangeFormProps {
  from: string;
  to: string;
  status: string;
  errorSource: string;
  errorCategory: string;
  presetBase: string;
}

export function RangeForm({ from, to, status, errorSource, errorCategory, presetBase }: RangeFormProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [fromValue, setFrom] = useState(toLocalInput(from));
  const [toValue, setTo] = useState(toLocalInput(to));
  const [statusValue, setStatus] = useState(status);
  const [sourceValue, setSource] = useState(errorSource);
  const [categoryValue, setCategory] = useState(errorCategory);
  const navigate = (changes: Record<string, string>) => {
    const params = new URLSearchParams(searchParams.toString());
    params.delete('after');
    params.delete('before');
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    router.push(`${pathname}?${params.toString()}`);
  };
  const presetHref = (hours: number) => {
    const params = new URLSearchParams(searchParams.toString());
    params.delete('after');
    params.delete('before');
    params.set('from', new Date(Date.parse(presetBase) - hours * 3_600_000).toISOString());
    params.set('to', presetBase);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <form
      aria-label="Period and filters"
      onSubmit={(event) => {
        event.preventDefault();
        navigate({
          from: fromValue ? new Date(fromValue).toISOString() : '',
          to: toValue ? new Date(toValue).toISOString() : '',
          status: statusValue,
          errorSource: sourceValue,
          errorCategory: categoryValue.trim(),
        });
      }}
    >
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField label="From" type="datetime-local" size="small" value={fromValue} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField label="To" type="datetime-local" size="small" value={toValue} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <ChoiceField label="Status" allLabel="All statuses" value={statusValue} onChange={setStatus} options={SESSION_STATUS_LABELS} minWidth={200} />
        <ChoiceField label="Error source" allLabel="All sources" value={sourceValue} onChange={setSource} options={ERROR_SOURCE_LABELS} minWidth={170} />
        <TextField
          label="Error category"
          size="small"
          value={categoryValue}
          onChange={(e) => setCategory(e.target.value)}
          placeholder="Any"
          sx={{ width: 160 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 100 } }}
        />
        <Button type="submit" variant="contained">
          Apply
        </Button>
        <Stack direction="row" spacing={0.5} aria-label="Presets" sx={{ alignItems: 'center' }}>
          {PRESETS.map((preset) => (
            <Button key={preset.label} size="small" component={NextLink} href={presetHref(preset.hours)}>
              {preset.label}
            </Button>
          ))}
        </Stack>
      </Stack>
    </form>
  );
}
