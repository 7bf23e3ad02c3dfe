import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  ListSubheader,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '@shared/domain/checks';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useCheckCatalog } from '../check-catalog.store';
import { lookup } from '../check-format';
import { ResultBody } from '../ui/ResultBody';
import { CAPTURED_ACCEPT, decodeCapturedBytes, groupParsers, MAX_CAPTURED_CHARS } from './captured-text';

type Problem = 'noParser' | 'noText' | 'tooLong' | 'unreadable';

/**
 * Output captured over a console cable, or sent by the client's staff, read
 * with one of the vendor parsers and kept as evidence for this device, like a
 * live check's output.
 */
export function CapturedOutputDialog({ assetId, assetName, onClose }: { assetId: string; assetName: string; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const parsers = useCheckCatalog((state) => state.parsers);
  const catalogError = useCheckCatalog((state) => state.error);
  const loadCatalog = useCheckCatalog((state) => state.load);
  const [parserId, setParserId] = useState('');
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const groups = groupParsers(parsers ?? []);

  useEffect(() => {
    void loadCatalog();
  }, [loadCatalog]);

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const { text: content, encoding } = decodeCapturedBytes(new Uint8Array(await file.arrayBuffer()));
      setText(content);
      setProblem(content.length > MAX_CAPTURED_CHARS ? 'tooLong' : null);
      setFileNote(t('captured.loaded', { name: file.name, encoding: encoding === 'utf-8' ? 'UTF-8' : 'GBK / GB18030' }));
    } catch {
      setProblem('unreadable');
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem | null = parserId === '' ? 'noParser' : text.trim() === '' ? 'noText' : text.length > MAX_CAPTURED_CHARS ? 'tooLong' : null;
    setProblem(found);
    if (found) return;
    setBusy(true);
    setError(null);
    try {
      const parsed = await api.call('checks.parseCaptured', { assetId, parserId, text });
      setResult(parsed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const problemText = problem ? t(`captured.problems.${problem}`, { max: MAX_CAPTURED_CHARS.toLocaleString() }) : null;

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{t('captured.title', { name: assetName })}</DialogTitle>
      {result ? (
        <>
          <DialogContent dividers>
            <Stack spacing={2}>
              <Alert severity="success">{t('captured.savedBody')}</Alert>
              <ResultBody result={result} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                setResult(null);
                setText('');
                setFileNote(null);
              }}
            >
              {t('captured.another')}
            </Button>
            <Button variant="contained" onClick={onClose} autoFocus>
              {t('checks.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ display: 'contents' }}>
          <DialogContent dividers>
            <Stack spacing={2}>
              <DialogContentText>{t('captured.intro')}</DialogContentText>
              {catalogError ? <ErrorAlert error={catalogError} action={{ label: t('app.retry'), run: () => void loadCatalog() }} /> : null}
              <TextField
                select
                fullWidth
                size="small"
                label={t('captured.parser')}
                value={parserId}
                onChange={(event) => {
                  setParserId(event.target.value);
                  if (problem === 'noParser') setProblem(null);
                }}
                error={problem === 'noParser'}
                helperText={problem === 'noParser' ? problemText : t('captured.parserHelp')}
                slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
              >
                {groups.flatMap((group) => [
                  <ListSubheader key={`group-${group.dialect}`}>{lookup(t, `captured.dialects.${group.dialect}`, group.dialect)}</ListSubheader>,
                  ...group.parsers.map((parser) => (
                    <MenuItem key={parser.id} value={parser.id} sx={{ pl: 3 }}>
                      <Box component="span" sx={{ fontFamily: 'monospace' }}>
                        {parser.command}
                      </Box>
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1.5 }}>
                        {lookup(t, `captured.dialects.${group.dialect}`, group.dialect)}
                      </Typography>
                    </MenuItem>
                  )),
                ])}
              </TextField>
              <TextField
                fullWidth
                multiline
                minRows={10}
                maxRows={18}
                label={t('captured.text')}
                placeholder={t('captured.textPlaceholder')}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  if (problem === 'noText' || problem === 'tooLong') setProblem(null);
                }}
                error={problem === 'noText' || problem === 'tooLong' || problem === 'unreadable'}
                helperText={problem === 'noText' || problem === 'tooLong' || problem === 'unreadable' ? problemText : (fileNote ?? t('captured.textHelp'))}
                slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: '0.8rem' } } }}
              />
              <Box>
                <input ref={fileInput} type="file" accept={CAPTURED_ACCEPT} hidden onChange={(event) => void loadFile(event)} aria-hidden tabIndex={-1} />
                <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()}>
                  {t('captured.loadFile')}
                </Button>
              </Box>
              {error ? <ErrorAlert title={t('captured.failed')} error={error} /> : null}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={busy}>
              {t('checks.cancel')}
            </Button>
            <Button type="submit" variant="contained" loading={busy}>
              {t('captured.submit')}
            </Button>
          </DialogActions>
        </Box>
      )}
    </Dialog>
  );
}
