import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Values drawn below their name rather than beside it: tables of records and nested records. */
function isBlock(value: Json): boolean {
  if (isRecord(value)) return Object.keys(value).length > 0;
  return Array.isArray(value) && value.length > 0 && value.every(isRecord);
}

/** Past this depth the tree shows JSON text: parsed output is a few levels deep, a deeper one is not worth a nested layout. */
const MAX_DEPTH = 4;

/**
 * A parser's typed value as a person reads it: objects as label/value lists,
 * lists of records (interfaces, sensors, fans) as tables, plain lists inline.
 */
export function ParsedTree({ value, label }: { value: unknown; label: string }) {
  return (
    <Box aria-label={label} role="group" sx={{ fontSize: '0.875rem' }}>
      <Node value={value as Json} depth={0} />
    </Box>
  );
}

function Node({ value, depth }: { value: Json; depth: number }): ReactNode {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <Typography component="span" variant="body2" color="text.secondary">{t('checks.parsed.none')}</Typography>;
  if (typeof value === 'boolean') return <span>{value ? t('checks.parsed.yes') : t('checks.parsed.no')}</span>;
  if (typeof value === 'number') return <span>{value}</span>;
  if (typeof value === 'string') return value === '' ? <Typography component="span" variant="body2" color="text.secondary">{t('checks.parsed.empty')}</Typography> : <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'break-word' }}>{value}</span>;
  if (depth >= MAX_DEPTH) return <Box component="code" sx={{ fontFamily: 'monospace', fontSize: '0.8rem', overflowWrap: 'break-word' }}>{JSON.stringify(value)}</Box>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <Typography component="span" variant="body2" color="text.secondary">{t('checks.parsed.emptyList')}</Typography>;
    if (value.every(isRecord)) return <RecordTable rows={value as Record<string, Json>[]} depth={depth} />;
    if (value.every((item) => !isRecord(item) && !Array.isArray(item))) return <span>{value.map((item) => (item === null ? '—' : String(item))).join(', ')}</span>;
    return (
      <Box component="ol" sx={{ m: 0, pl: 3 }}>
        {value.map((item, index) => (
          <li key={index}>
            <Node value={item} depth={depth + 1} />
          </li>
        ))}
      </Box>
    );
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return <Typography component="span" variant="body2" color="text.secondary">{t('checks.parsed.emptyList')}</Typography>;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(8em, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0, pl: depth > 0 ? 1.5 : 0, borderLeft: depth > 0 ? 2 : 0, borderColor: 'divider' }}>
      {entries.map(([key, item]) =>
        isBlock(item) ? (
          // A table or a nested record gets the whole width, under its name.
          <Box key={key} sx={{ gridColumn: '1 / -1', mt: 0.5 }}>
            <Box component="dt" sx={{ color: 'text.secondary', fontFamily: 'monospace', fontSize: '0.8rem', mb: 0.25 }}>
              {key}
            </Box>
            <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
              <Node value={item} depth={depth + 1} />
            </Box>
          </Box>
        ) : (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary', fontFamily: 'monospace', fontSize: '0.8rem', pt: '2px' }}>
              {key}
            </Box>
            <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
              <Node value={item} depth={depth + 1} />
            </Box>
          </Box>
        ),
      )}
    </Box>
  );
}

function RecordTable({ rows, depth }: { rows: Record<string, Json>[]; depth: number }) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
      <Table size="small" sx={{ '& td, & th': { py: 0.25, px: 1, fontSize: '0.8rem', verticalAlign: 'top' } }}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column} sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap', color: 'text.secondary' }}>
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={index}>
              {columns.map((column) => (
                <TableCell key={column}>
                  <Node value={row[column] ?? null} depth={depth + 1} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
