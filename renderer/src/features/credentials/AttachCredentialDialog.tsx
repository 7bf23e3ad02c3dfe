import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/domain/assets';
import type { Credential } from '@shared/domain/credentials';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';

interface Props {
  asset: Asset;
  /** Credentials the asset already has, left out of the choice. */
  attachedIds: string[];
  onAttached(credential: Credential): Promise<void>;
  onClose(): void;
}

/** Attaches a credential that already exists (a shared SNMP community, a team SSH key) to this device. */
export function AttachCredentialDialog({ asset, attachedIds, onAttached, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [options, setOptions] = useState<Credential[] | null>(null);
  const [choice, setChoice] = useState<Credential | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const attachedKey = attachedIds.join(',');
  useEffect(() => {
    let current = true;
    const attached = new Set(attachedKey.split(','));
    api.call('credentials.list', {}).then(
      (all) => {
        if (current) setOptions(all.filter((credential) => !attached.has(credential.id)));
      },
      (caught: unknown) => {
        if (current) setError(caught);
      },
    );
    return () => {
      current = false;
    };
  }, [attachedKey]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('credentials.assign', { id: choice.id, assetIds: [asset.id], attach: true });
      await onAttached(choice);
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{t('credentials.attachTitle', { name: asset.name })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {options !== null && options.length === 0 ? (
              <DialogContentText>{t('credentials.attachNone')}</DialogContentText>
            ) : (
              <Autocomplete<Credential, false, false, false>
                options={options ?? []}
                loading={options === null}
                loadingText={t('app.loading')}
                value={choice}
                onChange={(_event, next) => setChoice(next)}
                getOptionLabel={(option) => `${option.name} · ${t(`credentials.kinds.${option.kind}`)}`}
                isOptionEqualToValue={(option, selected) => option.id === selected.id}
                noOptionsText={t('assetForm.noOptions')}
                openText={t('assetForm.autocomplete.open')}
                closeText={t('assetForm.autocomplete.close')}
                clearText={t('assetForm.autocomplete.clear')}
                renderInput={(params) => <TextField {...params} autoFocus label={t('credentials.attachLabel')} />}
              />
            )}
            {error ? <ErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('credentials.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy} disabled={!choice}>
            {t('credentials.attachConfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
