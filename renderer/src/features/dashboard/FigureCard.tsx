import { Box, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

/** One figure of the dashboard: a heading, the chart (hidden from screen readers), the same numbers as a table, and the records behind it. */
export function FigureCard({ title, link, basis, children }: { title: string; link?: string; basis?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = `figure-${title.replace(/\W+/g, '-')}`;
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, height: '100%', display: 'flex', flexDirection: 'column' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h2" id={headingId} sx={{ fontSize: '1.1rem' }}>
          {title}
        </Typography>
        {link ? (
          <Link component={RouterLink} to={link} underline="hover" variant="body2" aria-label={t('dashboard.viewRecordsOf', { figure: title })}>
            {t('dashboard.viewRecords')}
          </Link>
        ) : null}
      </Stack>
      {basis ? (
        <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
          {basis}
        </Typography>
      ) : null}
      <Box sx={{ flex: 1 }}>{children}</Box>
    </Paper>
  );
}

/** The chart itself is decoration for sighted users; the table beside it carries the numbers. */
export function ChartArea({ children }: { children: ReactNode }) {
  return (
    <Box aria-hidden sx={{ width: '100%' }}>
      {children}
    </Box>
  );
}

export interface FigureColumn<T> {
  header: string;
  align?: 'left' | 'right';
  cell: (row: T) => ReactNode;
}

/** The numbers of a figure as a small table (what a screen reader reads, and what one copies). */
export function FigureTable<T>({ caption, columns, rows, rowKey, maxHeight = 240 }: { caption: string; columns: FigureColumn<T>[]; rows: readonly T[]; rowKey: (row: T) => string; maxHeight?: number }) {
  return (
    <TableContainer sx={{ maxHeight }}>
      <Table size="small" stickyHeader aria-label={caption}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.header} align={column.align ?? 'left'}>
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) => (
                <TableCell key={column.header} align={column.align ?? 'left'} sx={column.align === 'right' ? { fontVariantNumeric: 'tabular-nums' } : undefined}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** What a figure says when the period has nothing for it. */
export function NoData() {
  const { t } = useTranslation();
  return <Typography color="text.secondary">{t('dashboard.noData')}</Typography>;
}
