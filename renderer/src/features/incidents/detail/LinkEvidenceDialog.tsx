import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Tab, Tabs, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResultSummary, ConfigBackupSummary } from '@shared/domain/checks';
import type { EvidenceKind } from '@shared/domain/incidents';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { formatBytes, formatDateTime } from '../../../i18n/format';
import { useApiResource } from '../../assets/use-api-resource';
import { useCheckCatalog } from '../../checks/check-catalog.store';
import { stepLabel } from '../../checks/check-format';
import { ResultProblem } from '../../checks/ui/ResultCells';
import { CheckStatusChip } from '../../checks/ui/StatusChip';
import type { AssetLabel } from '../../assets/asset-names.store';

interface Props {
  incidentId: string;
  assets: readonly AssetLabel[];
  /** Targets already linked, shown as such. */
  linkedIds: ReadonlySet<string>;
  onLinked(): void;
  onClose(): void;
}

const RESULT_LIMIT = 50;

/**
 * Picks evidence from the incident's assets: a check result (a ping that
 * failed, a fan reported down) or a configuration version. Several can be
 * linked in one go; the dialog stays open until closed.
 */
export function LinkEvidenceDialog({ incidentId, assets, linkedIds, onLinked, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [assetId, setAssetId] = useState(assets[0]?.id ?? '');
  const [kind, setKind] = useState<Exclude<EvidenceKind, 'round-item'>>('check-result');
  const [linked, setLinked] = useState<ReadonlySet<string>>(linkedIds);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const profiles = useCheckCatalog((state) => state.profiles);
  const loadCatalog = useCheckCatalog((state) => state.load);

  useEffect(() => {
    void loadCatalog();
  }, [loadCatalog]);

  const results$ = useApiResource<CheckResultSummary[]>(assetId && kind === 'check-result' ? `results:${assetId}` : null, () =>
    api.call('checks.results', { assetId, limit: RESULT_LIMIT }),
  );
  const backups$ = useApiResource<ConfigBackupSummary[]>(assetId && kind === 'config-backup' ? `backups:${assetId}` : null, () => api.call('configBackups.list', { assetId }));
  const current = kind === 'check-result' ? results$ : backups$;

  async function link(targetId: string) {
    setBusy(targetId);
    setError(null);
    try {
      await api.call('incidents.linkEvidence', { incidentId, kind, targetId });
      setLinked((previous) => new Set([...previous, targetId]));
      onLinked();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const linkButton = (targetId: string, label: string) =>
    linked.has(targetId) ? (
      <Typography variant="body2" color="text.secondary">
        {t('incidents.evidence.alreadyLinked')}
      </Typography>
    ) : (
      <Button size="small" variant="outlined" loading={busy === targetId} disabled={busy !== null && busy !== targetId} onClick={() => void link(targetId)} aria-label={t('incidents.evidence.linkNamed', { label })}>
        {t('incidents.evidence.linkOne')}
      </Button>
    );

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{t('incidents.evidence.dialogTitle')}</DialogTitle>
      <DialogContent dividers>
        {assets.length === 0 ? (
          <Alert severity="info">{t('incidents.evidence.noAssets')}</Alert>
        ) : (
          <Stack spacing={2}>
            <TextField select label={t('incidents.evidence.asset')} value={assetId} onChange={(event) => setAssetId(event.target.value)} sx={{ maxWidth: 420 }}>
              {assets.map((asset) => (
                <MenuItem key={asset.id} value={asset.id}>
                  {asset.name}
                </MenuItem>
              ))}
            </TextField>
            <Tabs value={kind} onChange={(_event, next: typeof kind) => setKind(next)} aria-label={t('incidents.evidence.kindLabel')}>
              <Tab value="check-result" label={t('incidents.evidence.kinds.check-result')} />
              <Tab value="config-backup" label={t('incidents.evidence.kinds.config-backup')} />
            </Tabs>
            {error ? <ErrorAlert error={error} /> : null}
            {current.error ? <ErrorAlert error={current.error} action={{ label: t('app.retry'), run: current.reload }} /> : null}
            {current.data === null ? (
              current.error ? null : (
                <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
                  <CircularProgress aria-label={t('app.loading')} />
                </Box>
              )
            ) : kind === 'check-result' ? (
              (results$.data ?? []).length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('incidents.evidence.noResults')}
                </Typography>
              ) : (
                <Table size="small" aria-label={t('incidents.evidence.kinds.check-result')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('incidents.evidence.columns.status')}</TableCell>
                      <TableCell>{t('incidents.evidence.columns.check')}</TableCell>
                      <TableCell>{t('incidents.evidence.columns.when')}</TableCell>
                      <TableCell>{t('incidents.evidence.columns.problem')}</TableCell>
                      <TableCell align="right">{t('incidents.evidence.columns.action')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {(results$.data ?? []).map((result) => {
                      const step = stepLabel(result.profileId, result.step, profiles, i18n.language);
                      const when = formatDateTime(result.startedAt, i18n.language);
                      return (
                        <TableRow key={result.id}>
                          <TableCell>
                            <CheckStatusChip status={result.status} />
                          </TableCell>
                          <TableCell>
                            {step}
                            <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                              {t(`checks.kinds.${result.kind}`)}
                              {result.kind === 'captured' ? '' : ` · ${result.target}`}
                            </Typography>
                          </TableCell>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>{when}</TableCell>
                          <TableCell>
                            <ResultProblem result={result} />
                          </TableCell>
                          <TableCell align="right">{linkButton(result.id, `${step} ${when}`)}</TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              )
            ) : (backups$.data ?? []).length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('incidents.evidence.noBackups')}
              </Typography>
            ) : (
              <Table size="small" aria-label={t('incidents.evidence.kinds.config-backup')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('incidents.evidence.columns.when')}</TableCell>
                    <TableCell>{t('incidents.evidence.columns.command')}</TableCell>
                    <TableCell>{t('incidents.evidence.columns.size')}</TableCell>
                    <TableCell align="right">{t('incidents.evidence.columns.action')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(backups$.data ?? []).map((backup) => {
                    const when = formatDateTime(backup.fetchedAt, i18n.language);
                    return (
                      <TableRow key={backup.id}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {when}
                          {backup.changed ? (
                            <Typography component="span" variant="caption" color="warning.main" sx={{ display: 'block' }}>
                              {t('incidents.evidence.changed')}
                            </Typography>
                          ) : null}
                        </TableCell>
                        <TableCell sx={{ fontFamily: 'monospace' }}>{backup.command}</TableCell>
                        <TableCell>{formatBytes(backup.sizeBytes, i18n.language)}</TableCell>
                        <TableCell align="right">{linkButton(backup.id, when)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('incidents.evidence.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
