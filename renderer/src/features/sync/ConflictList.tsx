import CallSplitIcon from '@mui/icons-material/CallSplit';
import { Alert, Box, Button, Chip, FormControlLabel, LinearProgress, Paper, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '@shared/api/sync.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify, reportError } from '../../app/errors/report-error';
import { EmptyState } from '../../app/ui/EmptyState';
import { formatDateTime } from '../../i18n/format';
import { useRecordsChanged } from '../checks/use-records-changed';
import { formatConflictValue } from './sync-format';
import { useSyncConflicts } from './sync-conflicts.store';
import { useSyncStatus } from './sync.store';

/**
 * The conflict review: per record, each field's two values side by side,
 * the one in the record now marked; keep one. The choice is written like any
 * edit, so it syncs and settles the conflict on every console.
 */
export function ConflictList() {
  const { t } = useTranslation();
  const includeResolved = useSyncConflicts((state) => state.includeResolved);
  const conflicts = useSyncConflicts((state) => state.conflicts);
  const error = useSyncConflicts((state) => state.error);
  const load = () => void useSyncConflicts.getState().load();

  useEffect(() => {
    void useSyncConflicts.getState().load();
  }, []);
  useRecordsChanged(['conflict'], load);

  return (
    <Stack spacing={2} sx={{ maxWidth: 1000 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography color="text.secondary" sx={{ maxWidth: 720 }}>
          {t('sync.conflicts.intro')}
        </Typography>
        <FormControlLabel control={<Switch checked={includeResolved} onChange={(event) => void useSyncConflicts.getState().showResolved(event.target.checked)} />} label={t('sync.conflicts.showResolved')} />
      </Stack>
      {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: load }} /> : null}
      {conflicts === null && !error ? <LinearProgress /> : null}
      {conflicts?.length === 0 ? <EmptyState icon={<CallSplitIcon />} title={t('sync.conflicts.emptyTitle')} body={t('sync.conflicts.emptyBody')} /> : null}
      {conflicts?.map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} onResolved={load} />
      ))}
    </Stack>
  );
}

function ConflictCard({ conflict, onResolved }: { conflict: SyncConflict; onResolved: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'local' | 'remote' | null>(null);
  const entity = t(`audit.entities.${conflict.entity}` as 'audit.entities.incident', { defaultValue: conflict.entity });
  const name = conflict.label ?? t('sync.conflicts.unnamed', { id: conflict.entityId.slice(-8) });
  const headingId = `conflict-${conflict.id}`;

  async function keep(side: 'local' | 'remote') {
    setBusy(side);
    try {
      await api.call('sync.resolveConflict', { id: conflict.id, keep: side });
      notify(t('sync.conflicts.resolved'));
      onResolved();
      void useSyncStatus.getState().load();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  }

  const value = (raw: unknown) => {
    const text = formatConflictValue(raw);
    return text === null ? (
      <Typography component="span" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {t('sync.conflicts.emptyValue')}
      </Typography>
    ) : (
      <Box component="span" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {text}
      </Box>
    );
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={headingId} data-testid="sync-conflict">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {name}
          </Typography>
          <Chip size="small" label={entity} />
          <Typography variant="body2" color="text.secondary">
            {t('sync.conflicts.detected', { time: formatDateTime(conflict.detectedAt, i18n.language) })}
          </Typography>
        </Stack>
        {conflict.origin === 'local' ? <Alert severity="info">{t('sync.conflicts.localOrigin')}</Alert> : null}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('sync.conflicts.field')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('sync.conflicts.local')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('sync.conflicts.remote')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {conflict.fields.map((field) => (
              <TableRow key={field.field}>
                <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace' }}>
                  {field.field}
                </TableCell>
                {(['local', 'remote'] as const).map((side) => (
                  <TableCell key={side} data-side={side} sx={{ verticalAlign: 'top' }}>
                    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                      {value(field[side].value)}
                      {field.winner === side ? <Chip size="small" color="success" variant="outlined" label={t('sync.conflicts.current')} /> : null}
                    </Stack>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {conflict.resolution ? (
          <Typography variant="body2" color="text.secondary">
            {t(conflict.resolution === 'kept-winner' ? 'sync.conflicts.keptWinner' : 'sync.conflicts.keptLoser', { name: conflict.resolvedBy ?? '—' })}
          </Typography>
        ) : (
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Button variant="outlined" loading={busy === 'local'} disabled={busy !== null} onClick={() => void keep('local')}>
              {t('sync.conflicts.keepLocal')}
            </Button>
            <Button variant="outlined" loading={busy === 'remote'} disabled={busy !== null} onClick={() => void keep('remote')}>
              {t('sync.conflicts.keepRemote')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
