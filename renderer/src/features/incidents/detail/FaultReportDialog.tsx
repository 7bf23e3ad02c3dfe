import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultReportFields, Incident } from '@shared/domain/incidents';
import { LANGUAGES, languageFromLocale, type Language } from '@shared/domain/profile';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { notify } from '../../../app/errors/report-error';
import { downloadFile } from '../../asset-transfer/download-file';
import { useApiResource } from '../../assets/use-api-resource';
import { checkFaultReport, type FaultReportField } from './fault-report-form';

/**
 * 故障处理报告: fault type, cause, method and losses (prefilled from the
 * incident and its resolution, or the report saved before), rendered with
 * the timeline as a PDF in Chinese or English and saved to Downloads.
 * Saving also stops the P1 fault-report clock.
 */
export function FaultReportDialog({ incident, onSaved, onClose }: { incident: Incident; onSaved(): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const draft$ = useApiResource<FaultReportFields>(incident.id, () => api.call('incidents.faultReportDraft', { id: incident.id }));
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{t('incidents.faultReport.title', { number: incident.number })}</DialogTitle>
      {draft$.data ? (
        <FaultReportForm incident={incident} draft={draft$.data} initialLanguage={languageFromLocale(i18n.language)} onSaved={onSaved} onClose={onClose} />
      ) : (
        <>
          <DialogContent dividers>
            {draft$.error ? (
              <ErrorAlert error={draft$.error} action={{ label: t('app.retry'), run: draft$.reload }} />
            ) : (
              <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
                <CircularProgress aria-label={t('app.loading')} />
              </Box>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('incidents.form.cancel')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function FaultReportForm({
  incident,
  draft,
  initialLanguage,
  onSaved,
  onClose,
}: {
  incident: Incident;
  draft: FaultReportFields;
  initialLanguage: Language;
  onSaved(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const languageId = useId();
  const [values, setValues] = useState<FaultReportFields>(draft);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const checked = checkFaultReport(values);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (!checked.fields) return;
    setBusy(true);
    setError(null);
    try {
      const file = await api.call('incidents.faultReport', { id: incident.id, fields: checked.fields, language });
      downloadFile(file);
      notify(t('incidents.faultReport.saved', { fileName: file.fileName }));
      onSaved();
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const field = (name: FaultReportField, options: { required?: boolean; autoFocus?: boolean; rows?: number } = {}) => {
    const problem = attempted ? checked.problems[name] : undefined;
    return (
      <TextField
        fullWidth
        multiline={name !== 'faultType'}
        minRows={options.rows ?? 1}
        required={options.required ?? false}
        autoFocus={options.autoFocus ?? false}
        label={t(`incidents.faultReport.fields.${name}`)}
        value={values[name]}
        onChange={(event) => {
          setValues((current) => ({ ...current, [name]: event.target.value }));
          setError(null);
        }}
        error={problem !== undefined}
        helperText={problem ? t(`incidents.transitions.problems.${problem}`) : name === 'losses' ? t('incidents.faultReport.lossesHelp') : ' '}
      />
    );
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} style={{ display: 'contents' }}>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          {field('faultType', { required: true, autoFocus: true })}
          {field('cause', { required: true, rows: 3 })}
          {field('method', { required: true, rows: 3 })}
          {field('losses', { rows: 2 })}
          <Stack>
            <FormLabel id={languageId}>{t('incidents.faultReport.language')}</FormLabel>
            <RadioGroup row aria-labelledby={languageId} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {LANGUAGES.map((choice) => (
                <FormControlLabel key={choice} value={choice} control={<Radio />} label={t(`incidents.faultReport.languages.${choice}`)} />
              ))}
            </RadioGroup>
          </Stack>
          <Alert severity="info">{t('incidents.faultReport.includes')}</Alert>
          {error ? <ErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('incidents.form.cancel')}
        </Button>
        <Button type="submit" variant="contained" loading={busy}>
          {t('incidents.faultReport.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
