import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/domain/audit';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { formatDateTime } from '../../../i18n/format';
import { isKnownRole } from '../../audit/roles';
import { describeChanges } from '../asset-history';

interface Props {
  entries: AuditEntry[] | null;
  error: unknown;
  names: ReadonlyMap<string, string>;
  onRetry(): void;
}

/** Who changed which field of this asset from what to what, and when, newest first. */
export function AssetHistory({ entries, error, names, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(
    () => (entries ?? []).map((entry) => ({ entry, changes: describeChanges(entry, t, { names }) })),
    // t changes with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, names, t, i18n.language],
  );
  if (error) return <ErrorAlert title={t('assetHistory.loadFailed')} error={error} action={{ label: t('app.retry'), run: onRetry }} />;
  if (entries === null) return <Typography color="text.secondary">{t('app.loading')}</Typography>;
  if (entries.length === 0) return <Typography color="text.secondary">{t('assetHistory.empty')}</Typography>;

  return (
    <TableContainer>
      <Table size="small" aria-label={t('assetHistory.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('assetHistory.when')}</TableCell>
            <TableCell>{t('assetHistory.who')}</TableCell>
            <TableCell>{t('assetHistory.what')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ entry, changes }) => (
            <TableRow key={entry.seq} sx={{ verticalAlign: 'top' }}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, i18n.language)}</time>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {entry.actorName}
                <Typography component="span" variant="body2" color="text.secondary">
                  {' · '}
                  {isKnownRole(entry.actorRole) ? t(`roles.${entry.actorRole}`) : entry.actorRole}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {t(`assetHistory.actions.${entry.action}`)}
                </Typography>
                {changes.length > 0 ? (
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {changes.map((change) => (
                      <Typography component="li" variant="body2" key={change.field} sx={{ overflowWrap: 'anywhere' }}>
                        {change.before === null
                          ? t('assetHistory.set', { field: change.label, after: change.after })
                          : t('assetHistory.change', { field: change.label, before: change.before, after: change.after })}
                      </Typography>
                    ))}
                  </Box>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
