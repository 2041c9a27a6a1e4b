// The frame both Settings tabs share: one table per group (Sync settings, Customization), a
// row per setting with its label and description in the row header.
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { SETTING_GROUPS, type SettingDefinition, type SettingGroup } from '@/lib/settings/catalog';

export interface SettingsTableRow {
  definition: SettingDefinition;
  cells: ReactNode[];
}

export function SettingsTable({ columns, rows }: { columns: string[]; rows: SettingsTableRow[] }) {
  return (
    <Stack spacing={3}>
      {(Object.keys(SETTING_GROUPS) as SettingGroup[]).map((group) => (
        // On a phone the table scrolls inside itself (reachable by keyboard), its Setting column first.
        <TableContainer key={group} component={Paper} variant="outlined" tabIndex={0} role="region" aria-label={SETTING_GROUPS[group]}>
          {/* Fixed layout: the columns line up across the group tables. */}
          <Table aria-label={SETTING_GROUPS[group]} size="small" sx={{ tableLayout: 'fixed', minWidth: 640 }}>
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: '12px 16px 4px' }}>
              <Typography variant="h2" component="span" color="text.primary" sx={{ fontSize: '1.1rem', fontWeight: 600 }}>
                {SETTING_GROUPS[group]}
              </Typography>
            </caption>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '44%' }}>Setting</TableCell>
                {columns.map((column) => (
                  <TableCell key={column} sx={{ width: `${56 / columns.length}%` }}>
                    {column}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows
                .filter((row) => row.definition.group === group)
                .map((row) => (
                  <TableRow key={row.definition.key} data-setting={row.definition.key}>
                    <TableCell component="th" scope="row">
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {row.definition.label}
                      </Typography>
                      <Typography variant="body2" color="text.secondary">
                        {row.definition.description}
                      </Typography>
                    </TableCell>
                    {row.cells.map((cell, index) => (
                      <TableCell key={index}>{cell}</TableCell>
                    ))}
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </TableContainer>
      ))}
    </Stack>
  );
}
