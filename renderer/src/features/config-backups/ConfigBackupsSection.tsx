import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import DifferenceOutlinedIcon from '@mui/icons-material/DifferenceOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { Box, Button, Checkbox, Chip, IconButton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/domain/assets';
import type { ConfigBackupSummary } from '@shared/domain/checks';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { formatBytes } from '../../i18n/format';
import { formatDateTimeSeconds } from '../checks/check-format';
import { announce } from '../assets/confirmations';
import { Section } from '../assets/detail/Section';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { ConfigDiffDialog, ConfigVersionDialog } from './ConfigDialogs';

/** Devices whose running configuration Walkdown fetches: the ones with a vendor CLI. */
const NETWORK_TYPES: ReadonlySet<Asset['type']> = new Set(['switch', 'router', 'firewall']);

export function hasConfigBackups(asset: Asset): boolean {
  return NETWORK_TYPES.has(asset.type);
}

type Open = { type: 'view'; backup: ConfigBackupSummary } | { type: 'diff'; from: ConfigBackupSummary; to: ConfigBackupSummary } | null;

/**
 * 配置备份: the device's running configuration fetched over SSH, a version
 * kept each time, marked where it changed, and the differences between any two.
 */
export function ConfigBackupsSection({ asset }: { asset: Asset }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const { data, error, reload } = useApiResource<ConfigBackupSummary[]>(asset.id, () => api.call('configBackups.list', { assetId: asset.id }));
  useRecordsChanged(['configBackup'], reload);

  const versions = data ?? [];
  const when = (backup: ConfigBackupSummary) => formatDateTimeSeconds(backup.fetchedAt, language);
  const chosen = versions.filter((backup) => selected.includes(backup.id)).sort((a, b) => a.fetchedAt - b.fetchedAt);

  async function fetchNow() {
    setFetching(true);
    setFetchError(null);
    try {
      const backup = await api.call('configBackups.fetch', { assetId: asset.id });
      reload();
      announce(backup.changed ? t('configBackups.fetchedChanged') : t('configBackups.fetchedSame'));
    } catch (caught) {
      setFetchError(caught);
    } finally {
      setFetching(false);
    }
  }

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => (checked ? [...current.filter((other) => other !== id), id].slice(-2) : current.filter((other) => other !== id)));

  return (
    <Section
      title={t('configBackups.title')}
      action={
        <Button size="small" variant="outlined" startIcon={<CloudDownloadIcon />} loading={fetching} onClick={() => void fetchNow()}>
          {t('configBackups.fetchNow')}
        </Button>
      }
    >
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          {t('configBackups.intro')}
        </Typography>
        {fetchError ? <ErrorAlert title={t('configBackups.fetchFailed')} error={fetchError} /> : null}
        {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
        {data === null ? null : versions.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('configBackups.empty')}
          </Typography>
        ) : (
          <>
            <TableContainer>
              <Table size="small" aria-label={t('configBackups.listLabel')}>
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <Box component="span" sx={{ px: 1, whiteSpace: 'nowrap' }}>
                        {t('configBackups.columns.compare')}
                      </Box>
                    </TableCell>
                    <TableCell>{t('configBackups.columns.fetched')}</TableCell>
                    <TableCell>{t('configBackups.columns.changed')}</TableCell>
                    <TableCell align="right">{t('configBackups.columns.size')}</TableCell>
                    <TableCell>{t('configBackups.columns.sha256')}</TableCell>
                    <TableCell align="right">{t('configBackups.columns.actions')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {versions.map((backup, index) => {
                    const previous = versions[index + 1];
                    return (
                      <TableRow key={backup.id} selected={selected.includes(backup.id)}>
                        <TableCell padding="checkbox">
                          <Checkbox
                            size="small"
                            checked={selected.includes(backup.id)}
                            onChange={(event) => toggle(backup.id, event.target.checked)}
                            slotProps={{ input: { 'aria-label': t('configBackups.selectVersion', { when: when(backup) }) } }}
                          />
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {when(backup)}
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', fontFamily: 'monospace' }}>
                            {backup.command}
                          </Typography>
                        </TableCell>
                        <TableCell>
                          {!previous ? (
                            <Chip size="small" variant="outlined" label={t('configBackups.first')} />
                          ) : backup.changed ? (
                            <Chip size="small" color="warning" label={t('configBackups.changed')} />
                          ) : (
                            <Chip size="small" variant="outlined" color="success" label={t('configBackups.unchanged')} />
                          )}
                        </TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {formatBytes(backup.sizeBytes, language)}
                        </TableCell>
                        <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }} title={backup.sha256}>
                          {backup.sha256.slice(0, 12)}
                        </TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {previous && backup.changed ? (
                            <RowAction label={t('configBackups.showChanges', { when: when(backup) })} onClick={() => setOpen({ type: 'diff', from: previous, to: backup })}>
                              <DifferenceOutlinedIcon fontSize="small" />
                            </RowAction>
                          ) : null}
                          <RowAction label={t('configBackups.view', { when: when(backup) })} onClick={() => setOpen({ type: 'view', backup })}>
                            <VisibilityOutlinedIcon fontSize="small" />
                          </RowAction>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Button
                size="small"
                variant="outlined"
                startIcon={<CompareArrowsIcon />}
                disabled={chosen.length !== 2}
                onClick={() => chosen.length === 2 && setOpen({ type: 'diff', from: chosen[0]!, to: chosen[1]! })}
              >
                {t('configBackups.compare')}
              </Button>
              <Typography variant="caption" color="text.secondary">
                {t('configBackups.compareHelp', { count: chosen.length })}
              </Typography>
            </Stack>
          </>
        )}
      </Stack>
      {open?.type === 'view' ? <ConfigVersionDialog backup={open.backup} onClose={() => setOpen(null)} /> : null}
      {open?.type === 'diff' ? <ConfigDiffDialog from={open.from} to={open.to} onClose={() => setOpen(null)} /> : null}
    </Section>
  );
}

function RowAction({ label, onClick, children }: { label: string; onClick(): void; children: ReactNode }) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        {children}
      </IconButton>
    </Tooltip>
  );
}
