import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import FileUploadIcon from '@mui/icons-material/FileUploadOutlined';
import ListAltIcon from '@mui/icons-material/ListAlt';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControlLabel,
  Link,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { ChecklistTemplate } from '@shared/domain/rounds';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { reportError } from '../../../app/errors/report-error';
import { EmptyState } from '../../../app/ui/EmptyState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { downloadFile } from '../../asset-transfer/download-file';
import { announce } from '../../assets/confirmations';
import { useApiResource } from '../../assets/use-api-resource';
import { useRecordsChanged } from '../../checks/use-records-changed';
import { ROUND_ENTITIES } from '../round-entities';
import { importProblems } from './import-problems';

/** The most a template file may be; the contract's limit. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function scopeText(template: Pick<ChecklistTemplate, 'scope'>, t: TFunction): string {
  return template.scope.kind === 'room' ? t('rounds.scope.room') : template.scope.assetTypes.map((type) => t(`assetTypes.${type}`)).join(t('rounds.listSeparator'));
}

/** 巡检模板: every checklist template, its current version, scope and language; import, export, archive. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const list = useApiResource(`templates:${showArchived}`, () => api.call('templates.list', { includeArchived: showArchived }));
  useRecordsChanged(ROUND_ENTITIES, list.reload);

  const importFile = async (file: File) => {
    setImportError(null);
    if (file.size > MAX_FILE_BYTES) {
      setImportError(new Error(t('rounds.templates.fileTooLarge')));
      return;
    }
    setBusy('import');
    try {
      const template = await api.call('templates.import', { json: await file.text() });
      announce(t('rounds.templates.imported', { name: template.name }));
      void navigate(`/rounds/templates/${template.id}`);
    } catch (error) {
      setImportError(error);
    } finally {
      setBusy(null);
    }
  };

  const exportTemplate = async (template: ChecklistTemplate) => {
    try {
      downloadFile(await api.call('templates.export', { id: template.id }));
    } catch (error) {
      reportError(error);
    }
  };

  const setArchived = async (template: ChecklistTemplate, archived: boolean) => {
    setBusy(template.id);
    try {
      await api.call('templates.archive', { id: template.id, archived });
      const undo = {
        label: t('rounds.templates.undo'),
        run: async () => {
          await api.call('templates.archive', { id: template.id, archived: false });
          list.reload();
        },
      };
      if (archived) announce(t('rounds.templates.archivedNotice', { name: template.name }), { action: undo });
      else announce(t('rounds.templates.restoredNotice', { name: template.name }));
      list.reload();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const installDefaults = async () => {
    setBusy('defaults');
    try {
      const { installed } = await api.call('templates.installDefaults', {});
      announce(t('rounds.templates.installed', { count: installed }));
      list.reload();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const problems = importProblems(importError);
  const templates = list.data;

  return (
    <>
      <Button component={RouterLink} to="/rounds" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {t('rounds.backToRounds')}
      </Button>
      <PageHeader
        title={t('rounds.templates.title')}
        actions={
          <>
            <Button startIcon={<FileUploadIcon />} onClick={() => fileRef.current?.click()} disabled={busy === 'import'}>
              {t('rounds.templates.import')}
            </Button>
            <Button onClick={() => void installDefaults()} disabled={busy === 'defaults'}>
              {t('rounds.templates.installDefaults')}
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/rounds/templates/new">
              {t('rounds.templates.new')}
            </Button>
          </>
        }
      />
      <input
        ref={fileRef}
        type="file"
        hidden
        accept=".json,application/json"
        aria-label={t('rounds.templates.import')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />

      <Stack spacing={2}>
        {importError ? (
          problems.length > 0 ? (
            <Alert severity="error" onClose={() => setImportError(null)}>
              <AlertTitle>{t('errors.templates.invalid-file')}</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label={t('rounds.templates.importProblems')}>
                {problems.slice(0, 10).map((line) => (
                  <li key={line}>
                    <code>{line}</code>
                  </li>
                ))}
              </Box>
            </Alert>
          ) : (
            <ErrorAlert error={importError} title={t('rounds.templates.importFailed')} />
          )
        ) : null}
        <FormControlLabel control={<Switch checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />} label={t('rounds.templates.showArchived')} />

        {list.error && !templates ? <ErrorAlert error={list.error} action={{ label: t('app.retry'), run: list.reload }} /> : null}
        {!templates ? (
          list.error ? null : (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
              <CircularProgress aria-label={t('app.loading')} />
            </Box>
          )
        ) : templates.length === 0 ? (
          <EmptyState
            icon={<ListAltIcon />}
            title={t('rounds.home.noTemplatesTitle')}
            body={t('rounds.home.noTemplatesBody')}
            action={
              <Button variant="contained" onClick={() => void installDefaults()} disabled={busy === 'defaults'}>
                {t('rounds.templates.installDefaults')}
              </Button>
            }
          />
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label={t('rounds.templates.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('rounds.templates.name')}</TableCell>
                  <TableCell>{t('rounds.templates.version')}</TableCell>
                  <TableCell>{t('rounds.templates.scope')}</TableCell>
                  <TableCell>{t('rounds.templates.language')}</TableCell>
                  <TableCell>{t('rounds.templates.items')}</TableCell>
                  <TableCell>{t('rounds.templates.updated')}</TableCell>
                  <TableCell align="right">{t('rounds.templates.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {templates.map((template) => (
                  <TableRow key={template.id} hover>
                    <TableCell>
                      <Link component={RouterLink} to={`/rounds/templates/${template.id}`}>
                        {template.name}
                      </Link>
                      {template.archived ? <Chip size="small" label={t('rounds.templates.archived')} sx={{ ml: 1 }} /> : null}
                      {template.builtinKey ? <Chip size="small" variant="outlined" label={t('rounds.templates.builtin')} sx={{ ml: 1 }} /> : null}
                    </TableCell>
                    <TableCell>{t('rounds.templates.versionValue', { version: template.version })}</TableCell>
                    <TableCell>{scopeText(template, t)}</TableCell>
                    <TableCell>{t(`rounds.languages.${template.language}`)}</TableCell>
                    <TableCell>{template.sections.reduce((sum, section) => sum + section.items.length, 0)}</TableCell>
                    <TableCell>{formatDateTime(template.updatedAt, i18n.language)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" startIcon={<FileDownloadIcon />} onClick={() => void exportTemplate(template)} aria-label={t('rounds.templates.exportFor', { name: template.name })}>
                        {t('rounds.templates.export')}
                      </Button>
                      <Button
                        size="small"
                        disabled={busy === template.id}
                        onClick={() => void setArchived(template, !template.archived)}
                        aria-label={template.archived ? t('rounds.templates.restoreFor', { name: template.name }) : t('rounds.templates.archiveFor', { name: template.name })}
                      >
                        {template.archived ? t('rounds.templates.restore') : t('rounds.templates.archive')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Stack>
    </>
  );
}
