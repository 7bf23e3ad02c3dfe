import {
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PlanTemplateSummary } from '@shared/domain/emergency-plans';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { announce } from '../assets/confirmations';
import { useApiResource } from '../assets/use-api-resource';
import { ScenarioChip, SeverityChip } from './PlanChips';
import { ScopeFields } from './ScopeFields';

interface Props {
  initialScope: { clientId: string | null; siteId: string | null };
  onClose(): void;
}

/** Picks a shipped template and the client (and site) it is for; the copy opens at once. */
export function FromTemplateDialog({ initialScope, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const templates$ = useApiResource<PlanTemplateSummary[]>('templates', () => api.call('plans.templates', {}));
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [scope, setScope] = useState(initialScope);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Templates in the UI's language first: the other language is there for bilingual clients.
  const templates = useMemo(() => {
    const list = templates$.data ?? [];
    return [...list.filter((tpl) => tpl.language === i18n.language), ...list.filter((tpl) => tpl.language !== i18n.language)];
  }, [templates$.data, i18n.language]);

  const create = async () => {
    setTried(true);
    if (!templateId || !scope.clientId) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.call('plans.fromTemplate', { templateId, clientId: scope.clientId, siteId: scope.siteId });
      onClose();
      void navigate(`/plans/${id}`);
      announce(t('plans.createdFromTemplate'));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('plans.fromTemplate')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
            <ScopeFields
              clientId={scope.clientId}
              siteId={scope.siteId}
              onChange={setScope}
              clientProblem={tried && !scope.clientId ? t('plans.problems.clientRequired') : undefined}
              disabled={busy}
            />
          </Box>
          {templates$.error ? (
            <ErrorAlert title={t('plans.templatesFailed')} error={templates$.error} action={{ label: t('app.retry'), run: templates$.reload }} />
          ) : templates$.data === null ? (
            <CircularProgress aria-label={t('app.loading')} sx={{ alignSelf: 'center' }} />
          ) : (
            <Box>
              <Typography variant="subtitle2" id={`${titleId}-templates`} sx={{ mb: 1 }}>
                {t('plans.chooseTemplate')}
              </Typography>
              <RadioGroup aria-labelledby={`${titleId}-templates`} value={templateId ?? ''} onChange={(event) => setTemplateId(event.target.value)}>
                {templates.map((template) => (
                  <FormControlLabel
                    key={template.id}
                    value={template.id}
                    control={<Radio />}
                    disabled={busy}
                    sx={{ alignItems: 'flex-start', mb: 1.5, mx: 0, '& .MuiRadio-root': { mt: -0.5 } }}
                    label={
                      <Box lang={template.language}>
                        <Typography sx={{ fontWeight: 600 }}>{template.title}</Typography>
                        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', my: 0.5 }}>
                          <ScenarioChip scenario={template.scenario} />
                          <SeverityChip severity={template.severity} />
                          <Chip size="small" variant="outlined" label={t(`plans.languages.${template.language}`)} />
                          <Chip size="small" variant="outlined" label={t('plans.stepCount', { n: String(template.stepCount) })} />
                        </Stack>
                        <Typography variant="body2" color="text.secondary">
                          {template.objective}
                        </Typography>
                      </Box>
                    }
                  />
                ))}
              </RadioGroup>
              {tried && !templateId ? <FormHelperText error>{t('plans.problems.templateRequired')}</FormHelperText> : null}
            </Box>
          )}
          <Typography variant="body2" color="text.secondary">
            {t('plans.fromTemplateHint')}
          </Typography>
          {error ? <ErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('plans.editor.cancel')}
        </Button>
        <Button variant="contained" loading={busy} onClick={() => void create()}>
          {t('plans.createFromTemplate')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
