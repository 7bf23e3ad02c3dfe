import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Step,
  StepLabel,
  Stepper,
  Typography,
  useMediaQuery,
} from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { formatInteger } from './format';
import { ImportFileStep } from './ImportFileStep';
import { ImportFileSummary } from './ImportFileSummary';
import { checkMapping } from './import-mapping';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { createImportWizardStore, isStagingLost, type CommitResult, type ImportStep } from './import-wizard.store';

interface Props {
  open: boolean;
  onClose(): void;
  /** After a successful commit, before the dialog closes (the asset list also reloads on records.changed). */
  onImported?(result: CommitResult): void;
}

const STEPS: readonly ImportStep[] = ['file', 'mapping', 'preview'];

/**
 * Import wizard: choose a file → map its columns → dry run, fix, choose →
 * commit, all rows or none. Closing at any point forgets the staged file.
 * Rendered only while open by its callers, so every opening starts fresh.
 */
export function ImportWizardDialog({ open, onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('md'), { noSsr: true });
  const titleId = useId();
  const [store] = useState(createImportWizardStore);
  const state = useStore(store);

  // Leaving without finishing (navigation, a crash boundary) must not keep a client's file in core's memory.
  useEffect(() => () => void store.getState().discard(), [store]);

  const close = () => {
    if (state.busy === 'committing') return;
    void state.discard();
    onClose();
  };

  const commit = async () => {
    const result = await state.commit();
    if (!result) return;
    const number = (value: number) => formatInteger(value, i18n.language);
    notify(
      t('assetImport.commit.done', {
        created: number(result.created),
        updated: number(result.updated),
        skipped: number(result.skipped),
        locations: number(result.locationsCreated),
      }),
    );
    onImported?.(result);
    onClose();
  };

  const busyText = state.busy ? t(`assetImport.progress.${state.busy}`) : '';
  const activeStep = STEPS.indexOf(state.step);
  const mappingOk = checkMapping(state.mapping).ok;
  const report = state.report;
  // Rows without problems minus those that write nothing (skipped, or duplicates when the policy is to stop).
  const importable = report ? Math.max(0, report.valid - report.wouldSkip - (state.duplicatePolicy === 'stop' ? report.duplicates.length : 0)) : 0;

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      fullScreen={narrow}
      maxWidth="lg"
      fullWidth
      slotProps={{ paper: { sx: narrow ? {} : { height: 'min(920px, 94vh)' } } }}
    >
      <DialogTitle id={titleId}>{t('assetImport.title')}</DialogTitle>
      <Box sx={{ px: 3, pb: 2 }}>
        <Stepper activeStep={activeStep} aria-label={t('assetImport.stepsLabel')}>
          {STEPS.map((step, index) => (
            <Step key={step} completed={index < activeStep}>
              <StepLabel>{t(`assetImport.steps.${step}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {state.file && state.step !== 'file' ? (
          <Box sx={{ mt: 2 }}>
            <ImportFileSummary file={state.file} />
          </Box>
        ) : null}
      </Box>
      <Box sx={{ height: 4 }}>{state.busy ? <LinearProgress aria-label={busyText} /> : null}</Box>
      <Typography role="status" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {busyText}
      </Typography>
      <DialogContent dividers>
        {state.step !== 'file' && isStagingLost(state.error) ? (
          <Box sx={{ mb: 2 }}>
            <ErrorAlert error={state.error} action={{ label: t('assetImport.chooseAgain'), run: () => void state.restart() }} />
          </Box>
        ) : null}
        {state.step === 'file' ? <ImportFileStep state={state} /> : null}
        {state.step === 'mapping' ? <ImportMappingStep state={state} /> : null}
        {state.step === 'preview' ? <ImportPreviewStep state={state} /> : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        {state.step === 'preview' && report && report.valid < report.rowCount ? (
          <Typography variant="body2" color="error" sx={{ mr: 'auto' }}>
            {t('assetImport.commit.allOrNothing')}
          </Typography>
        ) : null}
        <Button onClick={close} disabled={state.busy === 'committing'}>
          {t('assetImport.cancel')}
        </Button>
        {state.step !== 'file' ? (
          <Button onClick={state.back} disabled={state.busy !== null}>
            {t('assetImport.back')}
          </Button>
        ) : null}
        {state.step === 'mapping' ? (
          <Button variant="contained" onClick={() => void state.toPreview()} loading={state.busy === 'previewing'} disabled={state.mappingAttempted && !mappingOk}>
            {t('assetImport.toPreview')}
          </Button>
        ) : null}
        {state.step === 'preview' ? (
          <Button variant="contained" onClick={() => void commit()} loading={state.busy === 'committing'} disabled={!report || (state.busy !== null && state.busy !== 'committing')}>
            {t('assetImport.commit.button', { count: importable, formatted: formatInteger(importable, i18n.language) })}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
