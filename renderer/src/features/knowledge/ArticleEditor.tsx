import SaveIcon from '@mui/icons-material/Save';
import { Alert, Autocomplete, Box, Button, Chip, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useDeferredValue, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_TYPES, type AssetType } from '@shared/domain/assets';
import { ARTICLE_STATUSES, MAX_ARTICLE_BODY, type Article, type ArticleStatus } from '@shared/domain/knowledge';
import { LANGUAGES, type Language } from '@shared/domain/profile';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { announce } from '../assets/confirmations';
import { changedFields, formValues, isDirty, validateArticle, type ArticleFormField, type ArticleFormValues, type FieldProblem } from './article-form';
import { MarkdownView } from './MarkdownView';
import { useUnsavedChangesGuard } from '../../app/ui/use-unsaved-changes-guard';

const FIELD_ORDER: readonly ArticleFormField[] = ['title', 'tags', 'vendors', 'body'];

interface Props {
  /** The article as saved; null for a new one. */
  article: Article | null;
  initial: ArticleFormValues;
  /** A draft from an incident or problem, laid out again in another language while the author has not changed it. */
  redraft?: (language: Language) => ArticleFormValues;
  /** Shown above the form (where a draft came from). */
  notice?: ReactNode;
  onSaved(article: Article, keepEditing: boolean): void;
  onCancel(): void;
}

/**
 * Writing an article: title, language, status, tags, asset types, vendors and
 * the Markdown text beside its live preview. Ctrl+S saves and keeps editing;
 * Save saves and shows the article. Leaving with unsaved changes asks first.
 */
export function ArticleEditor({ article, initial, redraft, notice, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState(initial);
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const [tagOptions, setTagOptions] = useState<string[]>([]);
  const [vendorOptions, setVendorOptions] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const preview = useDeferredValue(values.body);
  const dirty = isDirty(baseline, values);
  const { confirmLeave, dialog } = useUnsavedChangesGuard(dirty && !busy);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('knowledge.tags', {}), api.call('knowledge.vendors', {}), api.call('assets.vendors', {})]).then(
      ([tags, vendors, assetVendors]) => {
        if (!current) return;
        setTagOptions(tags.map((tag) => tag.value));
        const known = new Map<string, string>();
        for (const vendor of [...vendors.map((v) => v.value), ...assetVendors]) if (!known.has(vendor.toLowerCase())) known.set(vendor.toLowerCase(), vendor);
        setVendorOptions([...known.values()].sort((a, b) => a.localeCompare(b)));
      },
      // Suggestions only: typing still works without them.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const checked = validateArticle(values);
  const problems = attempted ? checked.problems : {};
  const problemText = (problem: FieldProblem | undefined) => (problem ? t(`knowledge.form.problems.${problem.key}`, { ...problem.values }) : undefined);

  function change(patch: Partial<ArticleFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setServerError(null);
  }

  function changeLanguage(language: Language) {
    // An untouched draft is laid out again, headings and tags in the new language.
    if (redraft && !isDirty(baseline, values)) {
      const next = redraft(language);
      setBaseline(next);
      setValues(next);
    } else change({ language });
  }

  async function save(keepEditing: boolean) {
    if (busy) return;
    setAttempted(true);
    const result = validateArticle(values);
    if (!result.fields) {
      const first = FIELD_ORDER.find((field) => result.problems[field]);
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] textarea`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      let saved: Article;
      if (article) {
        const patch = changedFields(article, result.fields);
        saved = Object.keys(patch).length > 0 ? await api.call('knowledge.update', { id: article.id, patch }) : article;
      } else {
        saved = await api.call('knowledge.create', result.fields);
      }
      const savedValues = formValues(saved, saved.language);
      setBaseline(savedValues);
      setValues(savedValues);
      setAttempted(false);
      announce(t('knowledge.article.saved', { title: saved.title }));
      onSaved(saved, keepEditing);
    } catch (error) {
      setServerError(error);
    } finally {
      setBusy(false);
    }
  }

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      aria-label={article ? t('knowledge.form.editTitle') : t('knowledge.form.newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <Stack spacing={2}>
        {notice}
        <TextField
          data-field="title"
          label={t('knowledge.form.title')}
          value={values.title}
          onChange={(event) => change({ title: event.target.value })}
          required
          fullWidth
          autoFocus={!values.title}
          error={Boolean(problems.title)}
          helperText={problemText(problems.title)}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField select label={t('knowledge.form.language')} value={values.language} onChange={(event) => changeLanguage(event.target.value as Language)} sx={{ minWidth: 180 }}>
            {LANGUAGES.map((language) => (
              <MenuItem key={language} value={language}>
                {t(`knowledge.languages.${language}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('knowledge.form.status')} value={values.status} onChange={(event) => change({ status: event.target.value as ArticleStatus })} sx={{ minWidth: 180 }}>
            {ARTICLE_STATUSES.map((status) => (
              <MenuItem key={status} value={status}>
                {t(`knowledge.statuses.${status}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Autocomplete
          multiple
          freeSolo
          options={tagOptions}
          value={values.tags}
          onChange={(_event, tags) => change({ tags: tags.map((tag) => tag.trim()).filter(Boolean) })}
          renderValue={(tags, getItemProps) =>
            tags.map((tag, index) => {
              const { key, ...itemProps } = getItemProps({ index });
              return <Chip key={key} {...itemProps} size="small" label={tag} />;
            })
          }
          renderInput={(params) => (
            <TextField {...params} data-field="tags" label={t('knowledge.form.tags')} helperText={problemText(problems.tags) ?? t('knowledge.form.labelsHelp')} error={Boolean(problems.tags)} />
          )}
          noOptionsText={t('knowledge.form.noOptions')}
          openText={t('knowledge.form.open')}
          closeText={t('knowledge.form.close')}
          clearText={t('knowledge.form.clear')}
        />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Autocomplete
            multiple
            options={ASSET_TYPES as readonly AssetType[]}
            value={values.assetTypes}
            onChange={(_event, assetTypes) => change({ assetTypes })}
            getOptionLabel={(type) => t(`assetTypes.${type}`)}
            renderInput={(params) => <TextField {...params} label={t('knowledge.form.assetTypes')} />}
            sx={{ flex: 1 }}
            noOptionsText={t('knowledge.form.noOptions')}
            openText={t('knowledge.form.open')}
            closeText={t('knowledge.form.close')}
            clearText={t('knowledge.form.clear')}
          />
          <Autocomplete
            multiple
            freeSolo
            options={vendorOptions}
            value={values.vendors}
            onChange={(_event, vendors) => change({ vendors: vendors.map((vendor) => vendor.trim()).filter(Boolean) })}
            renderValue={(vendors, getItemProps) =>
            vendors.map((vendor, index) => {
              const { key, ...itemProps } = getItemProps({ index });
              return <Chip key={key} {...itemProps} size="small" label={vendor} />;
            })
          }
            renderInput={(params) => (
              <TextField {...params} data-field="vendors" label={t('knowledge.form.vendors')} helperText={problemText(problems.vendors) ?? t('knowledge.form.labelsHelp')} error={Boolean(problems.vendors)} />
            )}
            sx={{ flex: 1 }}
            noOptionsText={t('knowledge.form.noOptions')}
            openText={t('knowledge.form.open')}
            closeText={t('knowledge.form.close')}
            clearText={t('knowledge.form.clear')}
          />
        </Stack>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              data-field="body"
              label={t('knowledge.form.body')}
              value={values.body}
              onChange={(event) => change({ body: event.target.value })}
              multiline
              minRows={18}
              fullWidth
              error={Boolean(problems.body)}
              helperText={problemText(problems.body) ?? t('knowledge.form.bodyHelp', { length: values.body.length, max: MAX_ARTICLE_BODY })}
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: '0.875rem', lineHeight: 1.5 } } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Paper variant="outlined" sx={{ p: 2, height: '100%', minHeight: 200, maxHeight: '70vh', overflowY: 'auto' }} aria-label={t('knowledge.form.preview')} role="region">
              <Typography variant="overline" color="text.secondary" component="p">
                {t('knowledge.form.preview')}
              </Typography>
              {preview.trim() ? (
                <MarkdownView markdown={preview} />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t('knowledge.form.previewEmpty')}
                </Typography>
              )}
            </Paper>
          </Grid>
        </Grid>
        {serverError ? <ErrorAlert title={t('knowledge.form.saveFailed')} error={serverError} /> : null}
        {attempted && !checked.fields ? <Alert severity="error">{t('knowledge.form.fixProblems')}</Alert> : null}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" startIcon={<SaveIcon />} loading={busy}>
            {t('knowledge.form.save')}
          </Button>
          <Button onClick={() => confirmLeave(onCancel)} disabled={busy}>
            {t('knowledge.form.cancel')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {dirty ? t('knowledge.form.unsavedHint') : t('knowledge.form.saveHint')}
          </Typography>
        </Stack>
      </Stack>
      {dialog}
    </Box>
  );
}

