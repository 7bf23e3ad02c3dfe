import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '@shared/domain/locations';
import { LANGUAGES, languageFromLocale, type Language } from '@shared/domain/profile';
import { lastFullPeriod, PERIODS_PER_YEAR, REPORT_PERIOD_KINDS, type ReportPeriodKind, type ServiceReport } from '@shared/domain/reports';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { formatPeriod, todayIsoDate } from './report-format';

/** Client, period (defaulting to the last full one) and language of a new report. */
export function NewReportDialog({ clients, onClose, onCreated }: { clients: Client[]; onClose: () => void; onCreated: (report: ServiceReport) => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const today = todayIsoDate();
  const [clientId, setClientId] = useState(clients.length === 1 ? (clients[0]?.id ?? '') : '');
  const [kind, setKind] = useState<ReportPeriodKind>('monthly');
  const [period, setPeriod] = useState(() => lastFullPeriod('monthly', today));
  const [language, setLanguage] = useState<Language>(languageFromLocale(i18n.language));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);

  const currentYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => currentYear - i);
  const chooseKind = (next: ReportPeriodKind) => {
    setKind(next);
    setPeriod(lastFullPeriod(next, today));
  };

  const submit = async () => {
    setTouched(true);
    if (!clientId) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.call('reports.create', { clientId, periodKind: kind, year: period.year, index: period.index, language }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{t('reports.new.title')}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          id={`${titleId}-form`}
          spacing={2}
          sx={{ pt: 1 }}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextField
            select
            required
            autoFocus
            label={t('reports.fields.client')}
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
            error={touched && !clientId}
            helperText={touched && !clientId ? t('reports.new.clientRequired') : ' '}
          >
            {clients.map((client) => (
              <MenuItem key={client.id} value={client.id}>
                {client.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('reports.fields.periodKind')} value={kind} onChange={(event) => chooseKind(event.target.value as ReportPeriodKind)}>
            {REPORT_PERIOD_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`reports.periodKinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField select fullWidth label={t('reports.fields.year')} value={period.year} onChange={(event) => setPeriod({ ...period, year: Number(event.target.value) })}>
              {years.map((year) => (
                <MenuItem key={year} value={year}>
                  {year}
                </MenuItem>
              ))}
            </TextField>
            {kind !== 'annual' ? (
              <TextField select fullWidth label={t(`reports.fields.index.${kind}`)} value={period.index} onChange={(event) => setPeriod({ ...period, index: Number(event.target.value) })}>
                {Array.from({ length: PERIODS_PER_YEAR[kind] }, (_, i) => i + 1).map((index) => (
                  <MenuItem key={index} value={index}>
                    {formatPeriod({ kind, year: period.year, index }, i18n.language)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
          </Stack>
          <TextField select label={t('reports.fields.language')} value={language} onChange={(event) => setLanguage(event.target.value as Language)} helperText={t('reports.new.languageHelp')}>
            {LANGUAGES.map((l) => (
              <MenuItem key={l} value={l}>
                {t(`reports.languages.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          {error ? <ErrorAlert title={t('reports.new.failed')} error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('reports.actions.cancel')}
        </Button>
        <Button type="submit" form={`${titleId}-form`} variant="contained" disabled={busy}>
          {t('reports.new.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
