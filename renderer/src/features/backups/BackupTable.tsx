import RestoreIcon from '@mui/icons-material/Restore';
import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/domain/backups';
import { formatBytes, formatDateTime } from '../../i18n/format';

interface Props {
  backups: readonly BackupInfo[];
  /** Recovery offers a Restore per row; Settings only lists. */
  onRestore?: (backup: BackupInfo) => void;
  restoringFile?: string | null;
}

export function BackupTable({ backups, onRestore, restoringFile = null }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('backups.listLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('backups.date')}</TableCell>
            <TableCell>{t('backups.reason')}</TableCell>
            <TableCell align="right">{t('backups.size')}</TableCell>
            {onRestore ? <TableCell align="right">{t('backups.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {backups.map((backup) => {
            const date = formatDateTime(backup.createdAt, i18n.language);
            return (
              <TableRow key={backup.file}>
                <TableCell>{date}</TableCell>
                <TableCell>{t(`backups.reasons.${backup.reason}`)}</TableCell>
                <TableCell align="right">{formatBytes(backup.sizeBytes, i18n.language)}</TableCell>
                {onRestore ? (
                  <TableCell align="right">
                    <Button
                      size="small"
                      variant="outlined"
                      startIcon={<RestoreIcon />}
                      aria-label={t('backups.restoreBackup', { date })}
                      loading={restoringFile === backup.file}
                      disabled={restoringFile !== null}
                      onClick={() => onRestore(backup)}
                    >
                      {t('backups.restore')}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
