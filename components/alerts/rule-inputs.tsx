'use client';
// The small inputs of the alert forms, sized alike: a text or number field and a native select
// (native: a phone's own picker, and no menu script to load).
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';

/** A wide field: the whole row on a phone, at least `minWidth` from the small breakpoint on. */
const widthFrom = (minWidth?: number) => (minWidth ? { width: { xs: '100%', sm: 'auto' }, minWidth: { sm: minWidth } } : undefined);

export function TextInput({
  name,
  label,
  defaultValue,
  required,
  maxLength,
  type = 'text',
  min,
  max,
  helperText,
  placeholder,
  minWidth,
}: {
  name: string;
  label: string;
  defaultValue?: string | number;
  required?: boolean;
  maxLength?: number;
  type?: 'text' | 'number' | 'email';
  min?: number;
  max?: number;
  helperText?: string;
  placeholder?: string;
  minWidth?: number;
}) {
  return (
    <TextField
      name={name}
      label={label}
      size="small"
      type={type}
      required={required}
      defaultValue={defaultValue}
      helperText={helperText}
      placeholder={placeholder}
      slotProps={{ htmlInput: { maxLength, min, max }, inputLabel: placeholder ? { shrink: true } : undefined }}
      sx={widthFrom(minWidth)}
    />
  );
}

export function NativeSelect({ name, label, value, defaultValue, onChange, minWidth, children }: { name: string; label: string; value?: string; defaultValue?: string; onChange?: (value: string) => void; minWidth?: number; children: ReactNode }) {
  return (
    <TextField
      select
      name={name}
      label={label}
      size="small"
      value={value}
      defaultValue={defaultValue}
      onChange={onChange ? (event) => onChange(event.target.value) : undefined}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={widthFrom(minWidth)}
    >
      {children}
    </TextField>
  );
}
