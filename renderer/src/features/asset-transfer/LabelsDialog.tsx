import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageFromLocale } from '@shared/domain/profile';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { downloadFile } from './download-file';

export const LABEL_LAYOUTS = [
  { id: 'a4-3x8', columns: 3, rows: 8 },
  { id: 'a4-4x10', columns: 4, rows: 10 },
  { id: 'a4-2x5', columns: 2, rows: 5 },
] as const;
export type LabelLayout = (typeof LABEL_LAYOUTS)[number]['id'];

interface Props {
  open: boolean;
  assetIds: string[];
  onClose(): void;
}

/** A4 is 210 × 297 mm; the preview keeps the ratio. */
function LayoutPreview({ columns, rows, labelCount, label }: { columns: number; rows: number; labelCount: number; label: string }) {
  const perPage = columns * rows;
  const filled = Math.min(labelCount, perPage);
  return (
    <Box
      role="img"
      aria-label={label}
      sx={{
        width: 84,
        height: 119,
        p: '4px',
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        display: 'grid',
        gridTemplateColumns: `repeat(${columns}, 1fr)`,
        gridTemplateRows: `repeat(${rows}, 1fr)`,
        gap: '2px',
        flexShrink: 0,
      }}
    >
      {Array.from({ length: perPage }, (_, index) => (
        <Box key={index} sx={{ borderRadius: '1px', bgcolor: index < filled ? 'primary.main' : 'action.hover' }} />
      ))}
    </Box>
  );
}

/** Prints QR labels (asset tag and name) for a set of assets as a PDF on an A4 label sheet. */
export function LabelsDialog({ open, assetIds, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [layout, setLayout] = useState<LabelLayout>('a4-3x8');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = LABEL_LAYOUTS.find((candidate) => candidate.id === layout) ?? LABEL_LAYOUTS[0];
  const pages = Math.max(1, Math.ceil(assetIds.length / (chosen.columns * chosen.rows)));

  async function print() {
    if (busy || assetIds.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const file = await api.call('labels.pdf', { assetIds, layout, language: languageFromLocale(i18n.language) });
      downloadFile(file);
      notify(t('labels.done', { fileName: file.fileName, count: file.rows }));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('labels.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('labels.intro', { count: assetIds.length })}</DialogContentText>
          <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start' }}>
            <FormControl>
              <FormLabel id={`${titleId}-layout`}>{t('labels.layout')}</FormLabel>
              <RadioGroup aria-labelledby={`${titleId}-layout`} value={layout} onChange={(event) => setLayout(event.target.value as LabelLayout)}>
                {LABEL_LAYOUTS.map((option) => (
                  <FormControlLabel
                    key={option.id}
                    value={option.id}
                    control={<Radio />}
                    label={t('labels.layoutOption', { columns: option.columns, rows: option.rows, count: option.columns * option.rows })}
                  />
                ))}
              </RadioGroup>
            </FormControl>
            <Stack spacing={1} sx={{ alignItems: 'center' }}>
              <LayoutPreview columns={chosen.columns} rows={chosen.rows} labelCount={assetIds.length} label={`${t('labels.previewLabel')}: ${chosen.columns} × ${chosen.rows}`} />
              <Typography variant="caption" color="text.secondary">
                {t('labels.pages', { count: pages })}
              </Typography>
            </Stack>
          </Stack>
          {error ? <ErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('labels.cancel')}
        </Button>
        <Button variant="contained" loading={busy} disabled={assetIds.length === 0} onClick={() => void print()}>
          {t('labels.print')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
