// A compact table of figures: the readable, copyable form of every overview chart and list.
// Plain server-rendered HTML in MUI's look (table.module.css): no client component per cell.
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import styles from './table.module.css';

export interface FigureColumn {
  header: string;
  numeric?: boolean;
}

export function FigureTable({ label, columns, rows, empty = 'Nothing in this period.' }: { label: string; columns: FigureColumn[]; rows: ReactNode[][]; empty?: string }) {
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    );
  }
  // No `className` at all on a left-aligned cell: an undefined one is still sent in the payload.
  const alignOf = (index: number) => (columns[index]?.numeric ? { className: styles.numeric } : {});
  return (
    // On a phone a wide table scrolls inside itself (reachable by keyboard), a row to a line;
    // the page keeps the window's width.
    <div className={styles.container} tabIndex={0} role="region" aria-label={label}>
      <table className={`${styles.table} ${styles.oneLineOnPhone}`} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column.header} {...alignOf(index)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, index) => (
            <tr key={index}>
              {cells.map((cell, i) => (
                <td key={i} {...alignOf(i)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
