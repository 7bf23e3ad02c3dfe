import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundEntry } from '@shared/domain/rounds';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { formatDateTime } from '../../../i18n/format';
import { announce } from '../../assets/confirmations';
import { entryValueText, thresholdsText } from '../round-format';
import type { RunnerRow } from './runner-model';

export interface IncidentContext {
  templateName: string;
  /** Where the round is: the room's path or the asset count. */
  place: string;
  assetName: string | null;
}

/** The incident a failed or out-of-range entry proposes: what, where, the reading against its limits, the note. */
export function proposeIncident(row: RunnerRow, entry: RoundEntry, context: IncidentContext, t: TFunction, language: string): { title: string; description: string } {
  const value = entryValueText(entry.value, row.item, t, language);
  const item = row.item.label;
  const title = context.assetName ? t('rounds.incident.titleWithAsset', { item, asset: context.assetName, value }) : t('rounds.incident.title', { item, value });
  const limits = thresholdsText(row.item.spec, t, language);
  const lines = [
    t('rounds.incident.lineRound', { template: context.templateName, place: context.place }),
    t('rounds.incident.lineItem', { section: row.sectionTitle, item }),
    ...(context.assetName ? [t('rounds.incident.lineAsset', { asset: context.assetName })] : []),
    t('rounds.incident.lineValue', { value, outcome: t(`rounds.outcomes.${entry.outcome}`) }),
    ...(limits ? [t('rounds.incident.lineLimits', { limits })] : []),
    ...(entry.note.trim() ? [t('rounds.incident.lineNote', { note: entry.note.trim() })] : []),
    t('rounds.incident.lineBy', { name: entry.enteredBy, at: formatDateTime(entry.enteredAt, language) }),
  ];
  return { title: title.slice(0, 200), description: lines.join('\n') };
}

/**
 * Raising the proposed incident is one click (Create has the focus); the
 * title and description can still be changed first. Core links the incident
 * to the asset, the entry and its evidence.
 */
export function RaiseIncidentDialog({ row, entry, context, onRaised, onClose }: { row: RunnerRow; entry: RoundEntry; context: IncidentContext; onRaised(entry: RoundEntry): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [proposal] = useState(() => proposeIncident(row, entry, context, t, i18n.language));
  const [title, setTitle] = useState(proposal.title);
  const [description, setDescription] = useState(proposal.description);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('rounds.raiseIncident', { entryId: entry.id, title: title.trim() || proposal.title, description });
      onRaised(result.entry);
      announce(t('rounds.incident.raised'));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('rounds.incident.dialogTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>{t('rounds.incident.dialogBody')}</DialogContentText>
          {error ? <ErrorAlert error={error} /> : null}
          <TextField label={t('rounds.incident.titleField')} value={title} onChange={(event) => setTitle(event.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />
          <TextField label={t('rounds.incident.descriptionField')} value={description} onChange={(event) => setDescription(event.target.value)} multiline minRows={4} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('rounds.cancel')}
        </Button>
        <Button variant="contained" color="error" autoFocus disabled={busy || title.trim() === ''} onClick={() => void create()}>
          {t('rounds.incident.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
