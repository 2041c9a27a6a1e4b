// A server-rendered table for short lists (tenants, admins, audit pages): plain HTML in MUI's
// look (table.module.css), no client component per cell.
import type { ReactNode } from 'react';
import styles from './table.module.css';

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
}

export function SimpleTable<Row>({ label, columns, rows, rowKey, empty }: { label: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; empty: string }) {
  return (
    // On a phone a wide table scrolls inside itself, reachable by keyboard.
    <div className={`${styles.container} ${styles.outlined}`} tabIndex={0} role="region" aria-label={label}>
      <table className={`${styles.table} ${styles.strongHeader} ${styles.hover}`} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className={styles.empty}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column, index) => (
                  <td key={index}>{column.cell(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
