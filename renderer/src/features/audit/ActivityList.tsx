import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/domain/audit';
import { formatDateTime } from '../../i18n/format';
import { describeAuditEntry, knownNames } from './describe-audit-entry';
import { isKnownRole } from './roles';

/** Who changed what and when, in the user's time zone. */
export function ActivityList({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const names = knownNames(entries);
  if (entries.length === 0) return <Typography color="text.secondary">{t('settings.activity.empty')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label={t('settings.activity.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('settings.activity.when')}</TableCell>
            <TableCell>{t('settings.activity.who')}</TableCell>
            <TableCell>{t('settings.activity.what')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.seq}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, i18n.language)}</time>
              </TableCell>
              <TableCell>
                {entry.actorName}
                <Typography component="span" variant="body2" color="text.secondary">
                  {' · '}
                  {isKnownRole(entry.actorRole) ? t(`roles.${entry.actorRole}`) : entry.actorRole}
                </Typography>
              </TableCell>
              <TableCell>{describeAuditEntry(entry, names, t)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
