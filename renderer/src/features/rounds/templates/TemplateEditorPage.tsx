import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Chip, CircularProgress, FormControlLabel, IconButton, MenuItem, Paper, Radio, RadioGroup, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LANGUAGES, type Language } from '@shared/domain/profile';
import type { ChecklistTemplate } from '@shared/domain/rounds';
import { api, isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { reportError } from '../../../app/errors/report-error';
import { PageHeader } from '../../../app/ui/PageHeader';
import { downloadFile } from '../../asset-transfer/download-file';
import { announce } from '../../assets/confirmations';
import { useApiResource } from '../../assets/use-api-resource';
import { useUnsavedChangesGuard } from '../../../app/ui/use-unsaved-changes-guard';
import { AssetTypesField } from './AssetTypesField';
import { ItemEditor, type MetricOption } from './ItemEditor';
import {
  addItem,
  addSection,
  draftFromContent,
  draftToContent,
  emptyDraft,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  updateItem,
  updateSection,
  type DraftProblem,
  type DraftTemplate,
} from './template-draft';

/** Metric names an automatic item can read: every parser's metrics and the probes'. */
async function loadMetrics(): Promise<MetricOption[]> {
  const parsers = await api.call('checks.parsers', {});
  const byName = new Map<string, string>();
  for (const parser of parsers) for (const metric of parser.metrics) if (!byName.has(metric)) byName.set(metric, `${parser.dialect} · ${parser.command}`);
  return [...byName].map(([name, source]) => ({ name, source })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Where focus goes after a change (the moved or new item), once the DOM has it. */
function focusItem(uid: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus="${uid}"]`)?.focus());
}

/**
 * 模板编辑: sections and their items. Saving an existing template makes a
 * new version (rounds keep theirs); the version number shows in the header.
 */
export function TemplateEditorPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const loaded = useApiResource<ChecklistTemplate>(isNew ? null : id, () => api.call('templates.get', { id }));
  const metrics = useApiResource('metrics', loadMetrics);
  const profiles = useApiResource('profiles', () => api.call('checks.profiles', {}));
  const [draft, setDraft] = useState<DraftTemplate | null>(() => (isNew ? emptyDraft(i18n.language === 'zh-CN' ? 'zh-CN' : 'en') : null));
  const [saved, setSaved] = useState<ChecklistTemplate | null>(null);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [moved, setMoved] = useState('');
  const guard = useUnsavedChangesGuard(dirty);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The loaded template becomes the working copy once (later reloads do not overwrite edits).
  const template = saved ?? loaded.data;
  const [loadedId, setLoadedId] = useState<string | null>(null);
  if (!isNew && loaded.data && loadedId !== loaded.data.id + loaded.data.versionId && !dirty) {
    setLoadedId(loaded.data.id + loaded.data.versionId);
    setDraft(draftFromContent(loaded.data));
  }

  const problemText = useMemo(() => {
    const map = new Map<string, string>();
    for (const problem of problems) if (!map.has(problem.field)) map.set(problem.field, problem.code === 'invalid' ? (problem.message ?? t('rounds.editor.problems.invalid')) : t(`rounds.editor.problems.${problem.code}`));
    return map;
  }, [problems, t]);
  const problem = (field: string) => problemText.get(field);

  useEffect(() => {
    if (problems.length === 0) return;
    const first = problems[0]!;
    document.querySelector<HTMLElement>(`[data-field="${first.field}"]`)?.focus();
  }, [problems]);

  if (!isNew && loaded.error && !loaded.data) {
    const gone = isApiClientError(loaded.error) && (loaded.error.code === 'templates.not-found' || loaded.error.code === 'api.invalid-input');
    return (
      <>
        <BackButton onBack={() => void navigate('/rounds/templates')} />
        {gone ? <Alert severity="warning">{t('rounds.editor.notFound')}</Alert> : <ErrorAlert error={loaded.error} action={{ label: t('app.retry'), run: loaded.reload }} />}
      </>
    );
  }
  if (!draft) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  const change = (next: DraftTemplate) => {
    setDraft(next);
    setDirty(true);
  };

  const save = async () => {
    const result = draftToContent(draft);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    setSaveError(null);
    try {
      const stored = await api.call('templates.save', { ...(isNew ? {} : { id }), content: result.content });
      setSaved(stored);
      setDraft(draftFromContent(stored));
      setLoadedId(stored.id + stored.versionId);
      setDirty(false);
      announce(isNew ? t('rounds.editor.created', { version: stored.version }) : t('rounds.editor.savedVersion', { version: stored.version }));
      if (isNew) void navigate(`/rounds/templates/${stored.id}`, { replace: true });
      headingRef.current?.focus();
    } catch (error) {
      setSaveError(error);
    } finally {
      setBusy(false);
    }
  };

  const exportTemplate = async () => {
    if (!template) return;
    try {
      downloadFile(await api.call('templates.export', { id: template.id }));
    } catch (error) {
      reportError(error);
    }
  };

  const onSectionKeyDown = (sectionUid: string, title: string) => (event: KeyboardEvent) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      event.stopPropagation();
      change(moveSection(draft, sectionUid, event.key === 'ArrowUp' ? -1 : 1));
      setMoved(t('rounds.editor.sectionMoved', { name: title }));
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus="${sectionUid}"]`)?.focus());
    }
  };

  const moveItemAnnounced = (itemUid: string, label: string, step: 1 | -1) => {
    const next = moveItem(draft, itemUid, step);
    if (next === draft) return;
    change(next);
    const section = next.sections.find((candidate) => candidate.items.some((item) => item.uid === itemUid))!;
    const position = section.items.findIndex((item) => item.uid === itemUid) + 1;
    setMoved(t('rounds.editor.itemMoved', { name: label, position, total: section.items.length, section: section.title || t('rounds.editor.untitledSection') }));
    focusItem(itemUid);
  };

  const languages: readonly Language[] = LANGUAGES;
  const title = isNew ? t('rounds.editor.newTitle') : draft.name || template?.name || t('rounds.editor.title');

  return (
    <>
      <BackButton onBack={() => guard.confirmLeave(() => void navigate('/rounds/templates'))} />
      <PageHeader
        title={title}
        subtitle={template ? t('rounds.editor.currentVersion', { version: template.version }) : t('rounds.editor.notSaved')}
        actions={
          <>
            {template ? (
              <Button startIcon={<FileDownloadIcon />} onClick={() => void exportTemplate()}>
                {t('rounds.templates.export')}
              </Button>
            ) : null}
            <Button variant="contained" startIcon={<SaveIcon />} onClick={() => void save()} disabled={busy}>
              {isNew ? t('rounds.editor.create') : t('rounds.editor.saveVersion', { version: (template?.version ?? 0) + 1 })}
            </Button>
          </>
        }
      />
      <Typography ref={headingRef} tabIndex={-1} component="p" variant="body2" color="text.secondary" sx={{ mb: 2, outline: 'none' }}>
        {t('rounds.editor.keysHint')}
      </Typography>
      <Box role="status" aria-live="polite" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {moved}
      </Box>

      <Stack spacing={2}>
        {saveError ? <ErrorAlert error={saveError} title={t('rounds.editor.saveFailed')} /> : null}
        {problems.length > 0 ? <Alert severity="error">{t('rounds.editor.problemsSummary', { count: problems.length })}</Alert> : null}
        {template?.archived ? <Alert severity="info">{t('rounds.editor.archivedNote')}</Alert> : null}

        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={1.5}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
              <TextField
                label={t('rounds.editor.name')}
                value={draft.name}
                required
                onChange={(event) => change({ ...draft, name: event.target.value })}
                error={problem('name') !== undefined}
                helperText={problem('name') ?? ' '}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { maxLength: 300, 'data-field': 'name' } }}
              />
              <TextField select label={t('rounds.templates.language')} value={draft.language} onChange={(event) => change({ ...draft, language: event.target.value as Language })} sx={{ width: 180 }} helperText=" ">
                {languages.map((language) => (
                  <MenuItem key={language} value={language}>
                    {t(`rounds.languages.${language}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <TextField label={t('rounds.editor.description')} value={draft.description} onChange={(event) => change({ ...draft, description: event.target.value })} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 4000 } }} />
            <RadioGroup row value={draft.scopeKind} onChange={(event) => change({ ...draft, scopeKind: event.target.value as DraftTemplate['scopeKind'] })} aria-label={t('rounds.templates.scope')}>
              <FormControlLabel value="room" control={<Radio />} label={t('rounds.editor.scopeRoom')} />
              <FormControlLabel value="asset-type" control={<Radio />} label={t('rounds.editor.scopeAssetType')} />
            </RadioGroup>
            {draft.scopeKind === 'asset-type' ? (
              <AssetTypesField value={draft.assetTypes} onChange={(assetTypes) => change({ ...draft, assetTypes })} label={t('rounds.editor.assetTypes')} error={problem('assetTypes')} dataField="assetTypes" />
            ) : null}
          </Stack>
        </Paper>

        {draft.sections.map((section, sectionIndex) => {
          const sectionName = section.title.trim() || t('rounds.editor.sectionNumber', { number: sectionIndex + 1 });
          return (
            <Paper key={section.uid} variant="outlined" component="section" aria-label={sectionName} sx={{ p: 2 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mb: 1 }} onKeyDown={onSectionKeyDown(section.uid, sectionName)}>
                <TextField
                  label={t('rounds.editor.sectionTitle')}
                  value={section.title}
                  onChange={(event) => change(updateSection(draft, section.uid, { title: event.target.value }))}
                  error={problem(`${section.uid}.title`) !== undefined || problem(`${section.uid}.items`) !== undefined}
                  helperText={problem(`${section.uid}.title`) ?? problem(`${section.uid}.items`) ?? ' '}
                  sx={{ flex: 1 }}
                  slotProps={{ htmlInput: { maxLength: 300, 'data-field': `${section.uid}.title`, 'data-focus': section.uid } }}
                />
                <Tooltip title={t('rounds.editor.moveUp')}>
                  <span>
                    <IconButton aria-label={t('rounds.editor.moveSectionUp', { name: sectionName })} aria-keyshortcuts="Alt+ArrowUp" disabled={sectionIndex === 0} onClick={() => change(moveSection(draft, section.uid, -1))}>
                      <ArrowUpwardIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={t('rounds.editor.moveDown')}>
                  <span>
                    <IconButton
                      aria-label={t('rounds.editor.moveSectionDown', { name: sectionName })}
                      aria-keyshortcuts="Alt+ArrowDown"
                      disabled={sectionIndex === draft.sections.length - 1}
                      onClick={() => change(moveSection(draft, section.uid, 1))}
                    >
                      <ArrowDownwardIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={t('rounds.editor.removeSection')}>
                  <span>
                    <IconButton aria-label={t('rounds.editor.removeSectionNamed', { name: sectionName })} disabled={draft.sections.length <= 1} onClick={() => change(removeSection(draft, section.uid))}>
                      <DeleteIcon />
                    </IconButton>
                  </span>
                </Tooltip>
              </Stack>
              <Stack spacing={1}>
                {section.items.map((item, index) => (
                  <ItemEditor
                    key={item.uid}
                    item={item}
                    index={index}
                    count={section.items.length}
                    sectionTitle={sectionName}
                    problem={problem}
                    profiles={profiles.data ?? []}
                    metrics={metrics.data ?? []}
                    onChange={(itemChange) => change(updateItem(draft, item.uid, itemChange))}
                    onMove={(step) => moveItemAnnounced(item.uid, item.label.trim() || t('rounds.editor.itemNumber', { number: index + 1 }), step)}
                    onRemove={() => change(removeItem(draft, item.uid))}
                    onAddAfter={() => {
                      const added = addItem(draft, section.uid, 'pass-fail', item.uid);
                      change(added.draft);
                      focusItem(added.item.uid);
                    }}
                  />
                ))}
              </Stack>
              <Button
                startIcon={<AddIcon />}
                sx={{ mt: 1 }}
                onClick={() => {
                  const added = addItem(draft, section.uid);
                  change(added.draft);
                  focusItem(added.item.uid);
                }}
              >
                {t('rounds.editor.addItem')}
              </Button>
            </Paper>
          );
        })}
        <Box>
          <Button
            variant="outlined"
            startIcon={<AddIcon />}
            onClick={() => {
              const added = addSection(draft);
              change(added.draft);
              requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus="${added.section.uid}"]`)?.focus());
            }}
          >
            {t('rounds.editor.addSection')}
          </Button>
        </Box>
        {dirty ? <Chip color="warning" variant="outlined" label={t('rounds.editor.unsaved')} sx={{ alignSelf: 'flex-start' }} /> : null}
      </Stack>
      {guard.dialog}
    </>
  );
}

function BackButton({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  return (
    <Button startIcon={<ArrowBackIcon />} sx={{ mb: 1 }} onClick={onBack}>
      {t('rounds.templates.backToTemplates')}
    </Button>
  );
}
