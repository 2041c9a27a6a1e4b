'use client';
// A grid column whose cell is a link to the row's own page (a user's, a profile's).
import Link from '@mui/material/Link';
import type { GridColDef, GridValidRowModel } from '@mui/x-data-grid';
import NextLink from 'next/link';

export function linkColumn<Row extends GridValidRowModel>(
  column: Omit<GridColDef<Row>, 'renderCell'>,
  link: (row: Row) => { href: string; text: string },
): GridColDef<Row> {
  return {
    ...column,
    renderCell: ({ row }) => {
      const { href, text } = link(row);
      return (
        <Link component={NextLink} href={href}>
          {text}
        </Link>
      );
    },
  };
}
