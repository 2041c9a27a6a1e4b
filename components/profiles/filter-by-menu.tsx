'use client';
// "Filter by" menu of the profiles list, with its Synchronization status section.
import FilterListIcon from '@mui/icons-material/FilterList';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import NextLink from 'next/link';
import { useState } from 'react';

export function FilterByMenu({ current }: { current: 'enabled' | 'disabled' | null }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const options = [
    { value: null, label: 'All' },
    { value: 'enabled', label: 'Enable' },
    { value: 'disabled', label: 'Disable' },
  ] as const;
  return (
    <>
      <Button variant="outlined" startIcon={<FilterListIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={anchor ? 'true' : undefined}>
        Filter by
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader>Synchronization status</ListSubheader>
        {options.map((option) => (
          <MenuItem
            key={option.label}
            component={NextLink}
            href={option.value ? `/profiles?status=${option.value}` : '/profiles'}
            selected={current === option.value}
            onClick={() => setAnchor(null)}
          >
            {option.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
