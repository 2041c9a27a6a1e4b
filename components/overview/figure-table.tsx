// A compact table of figures: the readable, copyable form of every overview chart and list.
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface FigureColumn {
  header: string;
  numeric?: boolean;
}

const ONE_LINE_ROWS_ON_A_PHONE = { '& td, & th': { whiteSpace: { xs: 'nowrap', sm: 'normal' } } };

export function FigureTable({ label, columns, rows, empty = 'Nothing in this period.' }: { label: string; columns: FigureColumn[]; rows: ReactNode[][]; empty?: string }) {
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    );
  }
  return (
    // On a phone a wide table scrolls inside itself (reachable by keyboard), a row to a line;
    // the page keeps the window's width.
    <TableContainer tabIndex={0} role="region" aria-label={label}>
      <Table size="small" aria-label={label} sx={ONE_LINE_ROWS_ON_A_PHONE}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.header} align={column.numeric ? 'right' : 'left'}>
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((cells, index) => (
            <TableRow key={index}>
              {cells.map((cell, i) => (
                <TableCell key={i} align={columns[i]?.numeric ? 'right' : 'left'}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
