import LinkOffIcon from '@mui/icons-material/LinkOff';
import SyncIcon from '@mui/icons-material/Sync';
import { Alert, AlertTitle, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/api/sync.contract';
import { isErrorCode } from '@shared/errors';
import { api } from '../../api';
import { notify, reportError } from '../../app/errors/report-error';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import { driftMinutes, isInsecureAddress, STATE_COLOR } from './sync-format';
import { useSyncStatus } from './sync.store';
import { SyncStateIcon } from './SyncStateIcon';

/** An enrolled laptop: where sync stands, what waits, what went wrong, and the two things a person can do. */
export function SyncStatusPanel({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const time = (at: number | null) => (at === null ? t('sync.details.never') : formatDateTime(at, i18n.language));

  async function syncNow() {
    setBusy(true);
    try {
      const next = await api.call('sync.now', {});
      useSyncStatus.getState().apply(next);
      if (next.lastError === null) notify(t('sync.synced'));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  }

  const lastError = status.lastError;
  const errorText = lastError ? (isErrorCode(lastError.code) ? t(`errors.${lastError.code}`, { defaultValue: lastError.message }) : lastError.message) : null;

  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Chip
              icon={<SyncStateIcon state={status.state} />}
              label={t(`sync.state.${status.state}`)}
              color={STATE_COLOR[status.state]}
              data-testid="sync-state"
              data-state={status.state}
            />
            <Typography color="text.secondary" variant="body2">
              {t(`sync.stateHelp.${status.state}`)}
            </Typography>
          </Stack>

          {status.driftWarning ? (
            <Alert severity="warning">
              <AlertTitle>{t('sync.drift.title')}</AlertTitle>
              {t((status.clockDriftMs ?? 0) > 0 ? 'sync.drift.behind' : 'sync.drift.ahead', { minutes: driftMinutes(status) })}
            </Alert>
          ) : null}

          {status.lastError ? (
            <Alert severity={status.state === 'stopped' ? 'error' : 'warning'} data-testid="sync-last-error">
              <AlertTitle>
                {t('sync.lastError')} · {time(status.lastError.at)}
              </AlertTitle>
              {t('errors.withCode', { message: errorText, code: status.lastError.code })}
            </Alert>
          ) : null}

          {isInsecureAddress(status.serverUrl) ? <Alert severity="info">{t('sync.insecure')}</Alert> : null}

          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 3, rowGap: 1, m: 0 }}>
            <Detail label={t('sync.details.server')}>{status.serverUrl}</Detail>
            {status.user ? <Detail label={t('sync.details.account')}>{`${status.user.name} · ${t(`roles.${status.user.role}`)}`}</Detail> : null}
            <Detail label={t('sync.details.device')}>{status.deviceName ?? status.deviceId}</Detail>
            <Detail label={t('sync.details.pending')} testId="sync-pending">
              {String(status.pending)}
            </Detail>
            <Detail label={t('sync.details.lastSuccess')} testId="sync-last-success">
              {time(status.lastSuccessAt)}
            </Detail>
            <Detail label={t('sync.details.lastAttempt')}>{time(status.lastAttemptAt)}</Detail>
            {status.nextAttemptAt !== null ? <Detail label={t('sync.details.nextAttempt')}>{time(status.nextAttemptAt)}</Detail> : null}
            {status.conflicts > 0 ? <Detail label={t('sync.details.conflicts')}>{String(status.conflicts)}</Detail> : null}
            {status.setAside > 0 ? <Detail label={t('sync.details.setAside')} help={t('sync.details.setAsideHelp')}>{String(status.setAside)}</Detail> : null}
            {status.waiting > 0 ? <Detail label={t('sync.details.waiting')}>{String(status.waiting)}</Detail> : null}
          </Box>

          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Button variant="contained" startIcon={<SyncIcon />} loading={busy || status.state === 'syncing'} loadingPosition="start" onClick={() => void syncNow()}>
              {t('sync.syncNow')}
            </Button>
            <Button color="error" startIcon={<LinkOffIcon />} onClick={() => setConfirming(true)}>
              {t('sync.forget.button')}
            </Button>
          </Stack>
        </Stack>
      </Paper>

      {confirming ? (
        <ConfirmDialog
          title={t('sync.forget.title')}
          body={t('sync.forget.body', { count: status.pending })}
          confirmLabel={t('sync.forget.confirm')}
          cancelLabel={t('sync.forget.cancel')}
          onConfirm={async () => {
            useSyncStatus.getState().apply(await api.call('sync.forget', {}));
            notify(t('sync.forget.done'));
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Stack>
  );
}

function Detail({ label, children, help, testId }: { label: string; children: ReactNode; help?: string; testId?: string }) {
  return (
    <>
      <Typography component="dt" color="text.secondary">
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0 }} data-testid={testId}>
        <Typography sx={{ wordBreak: 'break-all' }}>{children}</Typography>
        {help ? (
          <Typography variant="body2" color="text.secondary">
            {help}
          </Typography>
        ) : null}
      </Box>
    </>
  );
}
