import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_ROWS } from '@shared/domain/asset-import';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { formatInteger } from './format';
import type { ImportWizardState } from './import-wizard.store';
import { IMPORT_ACCEPT } from './read-file';

interface Props {
  state: ImportWizardState;
}

/** Step 1: pick or drop a CSV / XLSX file; core reads it and suggests a mapping. */
export function ImportFileStep({ state }: Props) {
  const { t, i18n } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const working = state.busy === 'reading' || state.busy === 'parsing';

  const take = (files: FileList | null) => {
    const picked = files?.[0];
    if (picked) void state.chooseFile(picked);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!working) take(event.dataTransfer.files);
  };

  const problem = state.fileProblem;
  return (
    <Stack spacing={2}>
      <Paper
        variant="outlined"
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          // Leaving for a child element is not leaving the zone.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        sx={{
          px: 3,
          py: 5,
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : 'background.paper',
          transition: 'background-color 120ms, border-color 120ms',
        }}
      >
        <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center' }}>
          <Box aria-hidden sx={{ color: 'text.secondary', '& svg': { fontSize: 48 } }}>
            {working ? <CircularProgress size={48} /> : <UploadFileIcon />}
          </Box>
          <Typography variant="h6" component="p">
            {working ? t(state.busy === 'reading' ? 'assetImport.progress.reading' : 'assetImport.progress.parsing') : t('assetImport.file.dropHere')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
            {t('assetImport.file.hint', { maxRows: formatInteger(MAX_IMPORT_ROWS, i18n.language) })}
          </Typography>
          <Button variant="contained" onClick={() => inputRef.current?.click()} disabled={working} autoFocus>
            {t('assetImport.file.choose')}
          </Button>
          <input
            ref={inputRef}
            type="file"
            accept={IMPORT_ACCEPT}
            aria-label={t('assetImport.file.input')}
            tabIndex={-1}
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden', pointerEvents: 'none' }}
            onChange={(event) => {
              take(event.currentTarget.files);
              // Choosing the same file again after fixing it in Excel must fire change again.
              event.currentTarget.value = '';
            }}
          />
        </Stack>
      </Paper>
      {problem ? (
        <Alert severity="error">
          {problem.key === 'tooLarge'
            ? t('assetImport.file.tooLarge', { size: problem.sizeMb, max: problem.maxMb })
            : problem.key === 'emptyFile'
              ? t('assetImport.file.emptyFile')
              : t('assetImport.file.wrongType')}
        </Alert>
      ) : null}
      {state.error ? <ErrorAlert title={t('assetImport.file.failed')} error={state.error} /> : null}
    </Stack>
  );
}
