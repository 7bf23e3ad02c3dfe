import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Link, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round, RoundEntry } from '@shared/domain/rounds';
import { api, isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useSession } from '../../../app/session.store';
import { entryValueText, outcomeColor } from '../round-format';
import type { MissingReason, RunnerProgress, RunnerRow } from './runner-model';
import { uploadSignature } from './signature-upload';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

interface Props {
  round: Round;
  progress: RunnerProgress;
  anomalies: { row: RunnerRow; entry: RoundEntry }[];
  missing: { row: RunnerRow; reason: MissingReason }[];
  rowTitle(row: RunnerRow): string;
  /** Closes the dialog and puts the focus on that row. */
  onJump(row: RunnerRow): void;
  onSigned(round: Round): void;
  onClose(): void;
}

/** The keys of a `rounds.sign` refusal that names the items still empty (details.missing), if it does. */
function refusedItems(error: unknown): string[] {
  if (!isApiClientError(error) || typeof error.details !== 'object' || error.details === null) return [];
  const missing = (error.details as { missing?: unknown }).missing;
  if (!Array.isArray(missing)) return [];
  return missing.map((item) => (typeof item === 'string' ? item : typeof item === 'object' && item !== null && 'itemKey' in item ? String(item.itemKey) : '')).filter(Boolean);
}

/**
 * 完成并签字: the round's counts and anomalies, what still blocks the
 * sign-off (each a link back to its row), then the name and the signature.
 * Once signed the round is read-only.
 */
export function FinishDialog({ round, progress, anomalies, missing, rowTitle, onJump, onSigned, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const profileName = useSession((state) => state.info?.profile?.name ?? '');
  const [name, setName] = useState(profileName);
  const [summary, setSummary] = useState('');
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pad = useRef<SignaturePadHandle>(null);
  const blocked = missing.length > 0;

  const sign = async () => {
    const base64 = await pad.current?.toPngBase64();
    if (!base64 || name.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const signatureAttachmentId = await uploadSignature(round.id, base64);
      const signed = await api.call('rounds.sign', { id: round.id, signerName: name.trim(), signatureAttachmentId, summary: summary.trim() });
      onSigned(signed);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const refused = refusedItems(error);
  const counts: [string, number, 'default' | 'success' | 'warning' | 'error'][] = [
    [t('rounds.finish.done', { done: progress.done, total: progress.total }), progress.done, 'default'],
    [t('rounds.finish.ok', { count: progress.ok }), progress.ok, 'success'],
    [t('rounds.finish.warning', { count: progress.warning }), progress.warning, 'warning'],
    [t('rounds.finish.failed', { count: progress.failed }), progress.failed, 'error'],
  ];

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('rounds.finish.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label={t('rounds.finish.countsLabel')} role="group">
            {counts.map(([label, , color]) => (
              <Chip key={label} label={label} color={color} variant={color === 'default' ? 'outlined' : 'filled'} />
            ))}
          </Stack>

          <Box component="section" aria-labelledby={`${titleId}-anomalies`}>
            <Typography variant="h3" id={`${titleId}-anomalies`} sx={{ mb: 0.5 }}>
              {t('rounds.finish.anomalies')}
            </Typography>
            {anomalies.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('rounds.finish.noAnomalies')}
              </Typography>
            ) : (
              <List dense disablePadding>
                {anomalies.map(({ row, entry }) => (
                  <ListItem key={row.id} disableGutters sx={{ gap: 1 }}>
                    <Chip size="small" color={outcomeColor(entry.outcome) === 'default' ? 'default' : outcomeColor(entry.outcome)} label={t(`rounds.outcomes.${entry.outcome}`)} />
                    <Typography variant="body2">
                      {rowTitle(row)}: {entryValueText(entry.value, row.item, t, i18n.language)}
                      {entry.incidentId ? ` · ${t('rounds.finish.incidentRaised')}` : ''}
                    </Typography>
                  </ListItem>
                ))}
              </List>
            )}
          </Box>

          <Box component="section" aria-labelledby={`${titleId}-missing`}>
            <Typography variant="h3" id={`${titleId}-missing`} sx={{ mb: 0.5 }}>
              {t('rounds.finish.missing', { count: missing.length })}
            </Typography>
            {blocked ? (
              <>
                <Alert severity="warning" sx={{ mb: 1 }}>
                  {t('rounds.finish.missingBody')}
                </Alert>
                <List dense disablePadding>
                  {missing.map(({ row, reason }) => (
                    <ListItem key={row.id} disableGutters>
                      <Link component="button" type="button" variant="body2" onClick={() => onJump(row)}>
                        {reason === 'note' ? t('rounds.finish.noteMissingFor', { item: rowTitle(row) }) : rowTitle(row)}
                      </Link>
                    </ListItem>
                  ))}
                </List>
              </>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t('rounds.finish.nothingMissing')}
              </Typography>
            )}
          </Box>

          {error ? (
            <Box>
              <ErrorAlert error={error} />
              {refused.length > 0 ? (
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {t('rounds.finish.refusedItems', { items: refused.join(', ') })}
                </Typography>
              ) : null}
            </Box>
          ) : null}

          <TextField label={t('rounds.finish.summary')} value={summary} onChange={(event) => setSummary(event.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 4000 } }} />
          <TextField
            label={t('rounds.finish.signerName')}
            value={name}
            required
            onChange={(event) => setName(event.target.value)}
            error={name.trim() === ''}
            helperText={name.trim() === '' ? t('rounds.finish.nameRequired') : ' '}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <SignaturePad ref={pad} name={name} label={t('rounds.finish.signature')} onChange={setEmpty} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto', pl: 2 }} role="status">
          {blocked ? t('rounds.finish.blockedHint') : empty ? t('rounds.finish.signHint') : ''}
        </Typography>
        <Button onClick={onClose} disabled={busy}>
          {t('rounds.cancel')}
        </Button>
        <Button variant="contained" disabled={busy || blocked || empty || name.trim() === ''} onClick={() => void sign()}>
          {t('rounds.finish.sign')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
