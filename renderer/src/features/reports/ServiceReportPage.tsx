import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteIcon from '@mui/icons-material/Delete';
import GridOnIcon from '@mui/icons-material/GridOn';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import RefreshIcon from '@mui/icons-material/Refresh';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Link,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { ServiceReportDetail } from '@shared/api/reports.contract';
import { REPORT_STATUSES, type NarrativeKey, type ReportStatus } from '@shared/domain/reports';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify, reportError } from '../../app/errors/report-error';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useApiResource } from '../assets/use-api-resource';
import { useUnsavedChangesGuard } from '../../app/ui/use-unsaved-changes-guard';
import { ContractItemsEditor } from './ContractItemsEditor';
import { FiguresPanel } from './FiguresPanel';
import { draftOf, editOf, regenerated, sameDraft, type ReportDraft } from './report-draft';
import { formatPeriod } from './report-format';
import { TypicalFaultsEditor } from './TypicalFaultsEditor';
import { useExportTask } from './use-export-task';

const RECOMMENDATIONS = ['recommendNetwork', 'recommendHosts', 'recommendStorage', 'recommendDatabase', 'recommendMachineRoom'] as const;
/** The device domains core counts (electron/core/reports/report-messages.ts), in the order shown. */
const DOMAINS = ['network', 'hosts', 'storage', 'database', 'machineRoom', 'terminals', 'other'] as const;

/** One chapter of the report, numbered as the PDF numbers it. */
function Chapter({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="section" sx={{ mb: 4 }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {t('reports.chapter', { number, title })}
      </Typography>
      <Stack spacing={2}>{children}</Stack>
    </Box>
  );
}

/**
 * 服务报告 editor: the figures of the period (read-only, recomputed on
 * "Regenerate"), every paragraph editable with its generated text as the
 * start, the typical faults, the contract items of an annual report, and the
 * PDF / XLSX exports running in the background with progress and Cancel.
 */
export function ServiceReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const detail$ = useApiResource<ServiceReportDetail>(id, () => api.call('reports.get', { id }));
  // What this page made of the report since it loaded (saved, regenerated, edited); until then, the loaded report as is.
  const [held, setHeld] = useState<{ id: string; detail: ServiceReportDetail; draft: ReportDraft } | null>(null);
  const detail = held?.id === id ? held.detail : detail$.data;
  const draft = held?.id === id ? held.draft : detail ? draftOf(detail) : null;
  const hold = (nextDetail: ServiceReportDetail, nextDraft: ReportDraft) => setHeld({ id, detail: nextDetail, draft: nextDraft });
  const setDraft = (nextDraft: ReportDraft) => {
    if (detail) hold(detail, nextDraft);
  };
  const [saving, setSaving] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const [stale, setStale] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleteTitleId = useId();
  const exporter = useExportTask();

  const dirty = detail !== null && draft !== null && !sameDraft(draft, draftOf(detail));
  const guard = useUnsavedChangesGuard(dirty);

  const save = async (): Promise<ServiceReportDetail | null> => {
    if (!detail || !draft) return null;
    setSaving(true);
    try {
      await api.call('reports.save', { id: detail.report.id, updatedAt: detail.report.updatedAt, edit: editOf(draft, detail.defaults) });
      const next = await api.call('reports.get', { id: detail.report.id });
      hold(next, draftOf(next));
      setStale(false);
      notify(t('reports.saved'));
      return next;
    } catch (error) {
      if (isApiClientError(error) && error.code === 'reports.stale') setStale(true);
      else reportError(error);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const regenerate = async () => {
    if (!detail || !draft) return;
    setRegenerating(true);
    try {
      const next = await api.call('reports.get', { id: detail.report.id });
      // Untouched paragraphs follow the new figures; typed ones stay. The report itself stays the version
      // being edited, so a save still finds out if another window saved meanwhile.
      const kept = regenerated(draft, detail.defaults, next.defaults);
      hold({ ...next, report: detail.report }, kept);
      notify(t('reports.regenerated'));
    } catch (error) {
      reportError(error);
    } finally {
      setRegenerating(false);
    }
  };

  const exportAs = async (format: 'pdf' | 'xlsx') => {
    if (!detail) return;
    let current = detail;
    if (dirty) {
      const saved = await save();
      if (!saved) return;
      current = saved;
    }
    const label = t(format === 'pdf' ? 'reports.export.pdfLabel' : 'reports.export.xlsxLabel');
    await exporter.run(label, () => api.call(format === 'pdf' ? 'reports.exportPdf' : 'reports.exportXlsx', { id: current.report.id }));
  };

  const remove = async () => {
    if (!detail) return;
    try {
      await api.call('reports.remove', { id: detail.report.id });
      setConfirmDelete(false);
      void navigate('/reports');
    } catch (error) {
      reportError(error);
    }
  };

  const gone = isApiClientError(detail$.error) && detail$.error.code === 'reports.not-found';
  if (detail$.error && !detail) {
    return (
      <>
        <BackLink />
        {gone ? (
          <Alert severity="warning">{t('reports.detail.notFound')}</Alert>
        ) : (
          <ErrorAlert title={t('reports.detail.loadFailed')} error={detail$.error} action={{ label: t('app.retry'), run: detail$.reload }} />
        )}
      </>
    );
  }
  if (!detail || !draft) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('reports.detail.loading')} />
      </Box>
    );
  }

  const { report } = detail;
  const annual = report.period.kind === 'annual';
  const setNarrative = (key: NarrativeKey, text: string) => setDraft({ ...draft, narrative: { ...draft.narrative, [key]: text } });
  const paragraph = (key: NarrativeKey, label: string) => (
    <TextField
      key={key}
      label={label}
      multiline
      minRows={2}
      fullWidth
      value={draft.narrative[key]}
      onChange={(event) => setNarrative(key, event.target.value)}
      helperText={draft.narrative[key] === (detail.defaults[key] ?? '') ? t('reports.detail.generated') : t('reports.detail.edited')}
    />
  );
  // Numbered as the PDF numbers them: the contract chapter exists in the annual report only.
  const later = annual ? 1 : 0;

  return (
    <>
      <BackLink onClick={(go) => guard.confirmLeave(go)} />
      <PageHeader
        title={draft.title}
        subtitle={[report.clientName, `${t(`reports.periodKinds.${report.period.kind}`)} · ${formatPeriod(report.period, i18n.language)}`, t(`reports.languages.${report.language}`), t('reports.detail.updated', { when: formatDateTime(report.updatedAt, i18n.language), who: report.updatedBy })].join(' · ')}
        actions={
          <>
            <Button variant="contained" startIcon={saving ? <CircularProgress size={16} aria-hidden /> : <SaveIcon />} disabled={saving} onClick={() => void save()} aria-keyshortcuts="Control+S">
              {t('reports.actions.save')}
            </Button>
            <Button variant="outlined" startIcon={<RefreshIcon />} disabled={regenerating} onClick={() => void regenerate()}>
              {t('reports.actions.regenerate')}
            </Button>
            <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={exporter.progress !== null || saving} onClick={() => void exportAs('pdf')}>
              {t('reports.actions.exportPdf')}
            </Button>
            <Button variant="outlined" startIcon={<GridOnIcon />} disabled={exporter.progress !== null || saving} onClick={() => void exportAs('xlsx')}>
              {t('reports.actions.exportXlsx')}
            </Button>
          </>
        }
      />
      {exporter.progress ? (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="status" aria-live="polite">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="body2" sx={{ mb: 0.5 }}>
                {exporter.progress.total ? t('reports.export.progress', { label: exporter.progress.label, done: exporter.progress.done, total: exporter.progress.total }) : t('reports.export.starting', { label: exporter.progress.label })}
              </Typography>
              <LinearProgress
                variant={exporter.progress.total ? 'determinate' : 'indeterminate'}
                value={exporter.progress.total ? Math.min(100, (exporter.progress.done / exporter.progress.total) * 100) : undefined}
                aria-label={exporter.progress.label}
              />
            </Box>
            <Button onClick={exporter.cancel}>{t('reports.actions.cancel')}</Button>
          </Stack>
        </Paper>
      ) : null}
      {stale ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              {t('reports.detail.reload')}
            </Button>
          }
        >
          {t('errors.reports.stale')}
        </Alert>
      ) : null}
      {dirty ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('reports.detail.unsaved')}
        </Alert>
      ) : null}

      <Paper variant="outlined" sx={{ p: 2, mb: 4 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField label={t('reports.fields.title')} fullWidth value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} error={draft.title.trim() === ''} helperText={draft.title.trim() === '' ? t('reports.detail.titleRequired') : ' '} />
          <TextField select label={t('reports.fields.status')} value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value as ReportStatus })} sx={{ minWidth: 160 }} helperText=" ">
            {REPORT_STATUSES.map((status) => (
              <MenuItem key={status} value={status}>
                {t(`reports.statuses.${status}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Paper>

      <Chapter number={1} title={t('reports.chapters.overview')}>
        {paragraph('purpose', t('reports.sections.purpose'))}
        {paragraph('scope', t('reports.sections.scope'))}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label={t('reports.sections.devices')}>
          <Typography variant="body2" sx={{ mr: 1 }}>
            {t('reports.detail.devices', { count: detail.statistics.devicesCovered })}
          </Typography>
          {DOMAINS.filter((domain) => (detail.devicesByDomain[domain] ?? 0) > 0).map((domain) => (
            <Chip key={domain} size="small" label={`${t(`reports.domains.${domain}`)} ${detail.devicesByDomain[domain] ?? 0}`} />
          ))}
        </Stack>
      </Chapter>

      <Chapter number={2} title={t('reports.chapters.statistics')}>
        <FiguresPanel detail={{ ...detail, report: { ...report, drills: draft.drills } }} />
        <TextField
          type="number"
          label={t('reports.fields.drills')}
          value={draft.drills}
          onChange={(event) => setDraft({ ...draft, drills: Math.max(0, Math.min(1000, Math.floor(Number(event.target.value) || 0))) })}
          helperText={t('reports.detail.drillsHelp')}
          sx={{ maxWidth: 240 }}
          slotProps={{ htmlInput: { min: 0, max: 1000 } }}
        />
        {paragraph('statistics', t('reports.sections.byCategory'))}
      </Chapter>

      <Chapter number={3} title={t('reports.chapters.risks')}>
        {paragraph('availability', t('reports.sections.availability'))}
        {paragraph('capacity', t('reports.sections.capacity'))}
        {paragraph('condition', t('reports.sections.condition'))}
      </Chapter>

      <Chapter number={4} title={t('reports.chapters.typicalFaults')}>
        <TypicalFaultsEditor candidates={detail.candidates} faults={draft.typicalFaults} onChange={(typicalFaults) => setDraft({ ...draft, typicalFaults })} />
      </Chapter>

      <Chapter number={5} title={t('reports.chapters.plan')}>
        {paragraph('plan', t('reports.chapters.plan'))}
      </Chapter>

      {annual ? (
        <Chapter number={6} title={t('reports.chapters.contract')}>
          {paragraph('contract', t('reports.sections.contractIntro'))}
          <ContractItemsEditor items={draft.contractItems} statistics={detail.statistics} drills={draft.drills} onChange={(contractItems) => setDraft({ ...draft, contractItems })} />
        </Chapter>
      ) : null}

      <Chapter number={6 + later} title={t('reports.chapters.recommendations')}>
        {RECOMMENDATIONS.map((key) => paragraph(key, t(`reports.sections.${key}`)))}
      </Chapter>

      <Chapter number={7 + later} title={t('reports.chapters.conclusion')}>
        {paragraph('conclusion', t('reports.chapters.conclusion'))}
      </Chapter>

      <Box sx={{ mb: 4 }}>
        <Button color="error" startIcon={<DeleteIcon />} onClick={() => setConfirmDelete(true)}>
          {t('reports.actions.delete')}
        </Button>
      </Box>
      {confirmDelete ? (
        <Dialog open onClose={() => setConfirmDelete(false)} aria-labelledby={deleteTitleId} maxWidth="xs" fullWidth>
          <DialogTitle id={deleteTitleId}>{t('reports.delete.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t('reports.delete.body', { title: report.title })}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirmDelete(false)} autoFocus>
              {t('reports.actions.cancel')}
            </Button>
            <Button color="error" onClick={() => void remove()}>
              {t('reports.actions.delete')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
      {guard.dialog}
    </>
  );
}

function BackLink({ onClick }: { onClick?: (go: () => void) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Link
      component={RouterLink}
      to="/reports"
      onClick={(event) => {
        if (!onClick) return;
        event.preventDefault();
        onClick(() => void navigate('/reports'));
      }}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 2 }}
    >
      <ArrowBackIcon fontSize="small" />
      {t('reports.detail.back')}
    </Link>
  );
}
