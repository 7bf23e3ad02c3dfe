import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { isInsecureAddress, normaliseEnrolmentCode } from './sync-format';
import { useSyncStatus } from './sync.store';

/** Server address and one-time code: what a supervisor hands an engineer to connect a laptop. */
export function EnrolForm({ initialServerUrl }: { initialServerUrl?: string | null }) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(initialServerUrl ?? '');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const urlProblem = serverUrl.trim() === '' ? t('sync.enrol.required') : null;
  const normalisedCode = normaliseEnrolmentCode(code);
  const codeProblem = code.trim() === '' ? t('sync.enrol.required') : normalisedCode ? null : t('sync.enrol.codeFormat');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (urlProblem || codeProblem || !normalisedCode) return;
    setBusy(true);
    setError(null);
    try {
      const status = await api.call('sync.enrol', {
        serverUrl: serverUrl.trim(),
        code: normalisedCode,
        ...(deviceName.trim() ? { deviceName: deviceName.trim() } : {}),
      });
      useSyncStatus.getState().apply(status);
      notify(t('sync.enrol.done'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }} component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="sync-enrol-title">
      <Stack spacing={2}>
        <Typography id="sync-enrol-title" variant="h2">
          {t('sync.enrol.title')}
        </Typography>
        <Typography color="text.secondary">{t('sync.enrol.intro')}</Typography>
        <TextField
          label={t('sync.enrol.serverUrl')}
          value={serverUrl}
          onChange={(event) => setServerUrl(event.target.value)}
          required
          autoFocus
          inputMode="url"
          autoComplete="url"
          error={touched && urlProblem !== null}
          helperText={touched && urlProblem ? urlProblem : t('sync.enrol.serverUrlHelp')}
          slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'sync-server-url' } }}
        />
        {isInsecureAddress(serverUrl.trim()) ? <Alert severity="warning">{t('sync.insecure')}</Alert> : null}
        <TextField
          label={t('sync.enrol.code')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          required
          autoComplete="one-time-code"
          error={touched && codeProblem !== null}
          helperText={touched && codeProblem ? codeProblem : t('sync.enrol.codeHelp')}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', letterSpacing: 1 }, 'data-testid': 'sync-code' } }}
        />
        <TextField
          label={t('sync.enrol.deviceName')}
          value={deviceName}
          onChange={(event) => setDeviceName(event.target.value)}
          helperText={t('sync.enrol.deviceNameHelp')}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Stack direction="row">
          <Button type="submit" variant="contained" loading={busy}>
            {t('sync.enrol.submit')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
