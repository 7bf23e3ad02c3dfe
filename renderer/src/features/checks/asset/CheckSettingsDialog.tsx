import RestartAltIcon from '@mui/icons-material/RestartAlt';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/domain/assets';
import type { CheckSettings } from '@shared/domain/checks';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { announce } from '../../assets/confirmations';
import { useApiResource } from '../../assets/use-api-resource';
import { useCheckCatalog } from '../check-catalog.store';
import { localized } from '../check-format';
import { LEGACY_ALGORITHM_SUGGESTIONS, toPatch, valuesFromSettings, type DefaultedField, type SettingsField, type SettingsFormValues, type SettingsProblem } from './check-settings-form';

/** How this device is checked. Values derived from its type and vendor are marked as defaults; a reset returns a field to its default. */
export function CheckSettingsDialog({ asset, onClose, onSaved }: { asset: Asset; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { data: settings, error: loadError, reload } = useApiResource<CheckSettings>(asset.id, () => api.call('checks.settings.get', { assetId: asset.id }));
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('checkSettings.title', { name: asset.name })}</DialogTitle>
      {settings ? (
        <SettingsForm settings={settings} onClose={onClose} onSaved={onSaved} />
      ) : (
        <>
          <DialogContent>
            {loadError ? (
              <ErrorAlert error={loadError} action={{ label: t('app.retry'), run: reload }} />
            ) : (
              <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
                <CircularProgress aria-label={t('app.loading')} />
              </Box>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('checkSettings.cancel')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function SettingsForm({ settings, onClose, onSaved }: { settings: CheckSettings; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const profiles = useCheckCatalog((state) => state.profiles);
  const [values, setValues] = useState<SettingsFormValues>(() => valuesFromSettings(settings));
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sshProfiles = (profiles ?? []).filter((profile) => profile.kind === 'ssh');
  const snmpProfiles = (profiles ?? []).filter((profile) => profile.kind === 'snmp');
  const snmpLabelId = useId();
  const sshProfileLabel = (id: string) => {
    const profile = sshProfiles.find((candidate) => candidate.id === id);
    return id === '' ? t('checkSettings.noSshProfile') : profile ? localized(profile.name, i18n.language) : id;
  };

  const change = (field: SettingsField, next: Partial<SettingsFormValues>) =>
    setValues((current) => ({ ...current, ...next, reset: current.reset.filter((name) => name !== field) }));
  const reset = (field: DefaultedField) => setValues((current) => ({ ...current, reset: [...current.reset.filter((name) => name !== field), field] }));
  const isReset = (field: DefaultedField) => values.reset.includes(field);
  const problemText = (field: SettingsProblem['field']) => {
    const bad = problems.filter((problem) => problem.field === field).map((problem) => problem.value);
    return bad.length === 0 ? null : t(`checkSettings.problems.${field}`, { values: bad.join(t('checkSettings.listSeparator')) });
  };

  /** "Default" beside a value derived from type and vendor, and the button that goes back to it. */
  const defaultMarks = (field: DefaultedField): ReactNode => (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
      {isReset(field) ? (
        <Chip size="small" color="info" variant="outlined" label={t('checkSettings.willReset')} />
      ) : settings.defaults[field] ? (
        <Chip size="small" variant="outlined" label={t('checkSettings.isDefault')} />
      ) : (
        <Chip size="small" color="primary" variant="outlined" label={t('checkSettings.isSet')} />
      )}
      {!settings.defaults[field] && !isReset(field) ? (
        <Button size="small" startIcon={<RestartAltIcon />} onClick={() => reset(field)} aria-label={t('checkSettings.resetField', { field: t(`checkSettings.fields.${field}`) })}>
          {t('checkSettings.reset')}
        </Button>
      ) : null}
    </Stack>
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const { patch, problems: found } = toPatch(values, settings);
    setProblems(found);
    if (found.length > 0) return;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.call('checks.settings.update', { assetId: settings.assetId, fields: patch });
      onSaved();
      announce(t('checkSettings.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  }

  const portsProblem = problemText('tcpPorts');
  const urlsProblem = problemText('httpUrls');

  return (
    <Box component="form" noValidate onSubmit={(event) => void save(event)} sx={{ display: 'contents' }}>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          <DialogContentText>{t('checkSettings.intro')}</DialogContentText>
          <Box>
            <TextField
              fullWidth
              size="small"
              label={t('checkSettings.fields.address')}
              value={isReset('address') ? '' : values.address}
              placeholder={isReset('address') ? t('checkSettings.resetPlaceholder') : undefined}
              onChange={(event) => change('address', { address: event.target.value })}
              helperText={t('checkSettings.help.address')}
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
            />
            {defaultMarks('address')}
          </Box>
          <Box>
            <TextField
              select
              fullWidth
              size="small"
              label={t('checkSettings.fields.sshProfile')}
              value={values.sshProfile}
              onChange={(event) => change('sshProfile', { sshProfile: event.target.value })}
              helperText={t('checkSettings.help.sshProfile')}
              slotProps={{
                select: { displayEmpty: true, renderValue: (value) => (isReset('sshProfile') ? t('checkSettings.resetPlaceholder') : sshProfileLabel(value as string)) },
                inputLabel: { shrink: true },
              }}
            >
              <MenuItem value="">{t('checkSettings.noSshProfile')}</MenuItem>
              {sshProfiles.map((profile) => (
                <MenuItem key={profile.id} value={profile.id}>
                  {localized(profile.name, i18n.language)}
                </MenuItem>
              ))}
              {values.sshProfile && !sshProfiles.some((profile) => profile.id === values.sshProfile) ? <MenuItem value={values.sshProfile}>{values.sshProfile}</MenuItem> : null}
            </TextField>
            {defaultMarks('sshProfile')}
          </Box>
          <FormControl component="fieldset">
            <FormLabel component="legend" id={snmpLabelId}>
              {t('checkSettings.fields.snmpProfiles')}
            </FormLabel>
            <FormGroup aria-labelledby={snmpLabelId}>
              {snmpProfiles.map((profile) => (
                <FormControlLabel
                  key={profile.id}
                  label={localized(profile.name, i18n.language)}
                  control={
                    <Checkbox
                      size="small"
                      checked={!isReset('snmpProfiles') && values.snmpProfiles.includes(profile.id)}
                      onChange={(event) =>
                        change('snmpProfiles', {
                          snmpProfiles: event.target.checked
                            ? snmpProfiles.map((p) => p.id).filter((id) => id === profile.id || values.snmpProfiles.includes(id))
                            : values.snmpProfiles.filter((id) => id !== profile.id),
                        })
                      }
                    />
                  }
                />
              ))}
            </FormGroup>
            {defaultMarks('snmpProfiles')}
          </FormControl>
          <TextField
            fullWidth
            size="small"
            label={t('checkSettings.fields.tcpPorts')}
            value={values.tcpPorts}
            onChange={(event) => change('tcpPorts', { tcpPorts: event.target.value })}
            error={portsProblem !== null}
            helperText={portsProblem ?? t('checkSettings.help.tcpPorts')}
            slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
          />
          <TextField
            fullWidth
            multiline
            minRows={2}
            size="small"
            label={t('checkSettings.fields.httpUrls')}
            value={values.httpUrls}
            onChange={(event) => change('httpUrls', { httpUrls: event.target.value })}
            error={urlsProblem !== null}
            helperText={urlsProblem ?? t('checkSettings.help.httpUrls')}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          <Autocomplete<string, true, false, true>
            multiple
            freeSolo
            size="small"
            options={[...LEGACY_ALGORITHM_SUGGESTIONS]}
            value={values.legacyAlgorithms}
            onChange={(_event, next) => change('legacyAlgorithms', { legacyAlgorithms: next })}
            openText={t('assetForm.autocomplete.open')}
            closeText={t('assetForm.autocomplete.close')}
            clearText={t('assetForm.autocomplete.clear')}
            noOptionsText={t('assetForm.noOptions')}
            renderInput={(params) => <TextField {...params} label={t('checkSettings.fields.legacyAlgorithms')} helperText={t('checkSettings.help.legacyAlgorithms')} />}
          />
          {error ? <ErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {t('checkSettings.cancel')}
        </Button>
        <Button type="submit" variant="contained" loading={saving}>
          {t('checkSettings.save')}
        </Button>
      </DialogActions>
    </Box>
  );
}
