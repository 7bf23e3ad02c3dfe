import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import type { EmergencyPlan } from '@shared/domain/emergency-plans';
import { languageFromLocale } from '@shared/domain/profile';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { announce } from '../assets/confirmations';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import { useApiResource } from '../assets/use-api-resource';
import { ScenarioChip, SeverityChip } from './PlanChips';
import { PlanEditor } from './PlanEditor';
import { emptyPlanValues, valuesFromPlan, type PlanFormValues } from './plan-form-model';
import { formatPlanDate } from './plan-format';
import { PlanPrintStyles } from './PlanPrintStyles';
import { PlanReader } from './PlanReader';

/** /plans/new writes a new plan; /plans/:id reads one, with an edit mode. */
export function EmergencyPlanPage() {
  const { id = '' } = useParams();
  return id === 'new' ? <NewPlan /> : <ExistingPlan key={id} id={id} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Button component={RouterLink} to="/plans" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }} className="plans-print-hidden">
      {t('plans.backToList')}
    </Button>
  );
}

function NewPlan() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = useMemo(
    () => emptyPlanValues({ clientId: params.get('clientId'), siteId: params.get('siteId'), language: languageFromLocale(i18n.language) }),
    // Read once: the form owns the values from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <>
      <BackLink />
      <PlanEditor
        heading={t('plans.newPlan')}
        initial={initial}
        onSave={async (input) => {
          const { id } = await api.call('plans.create', input);
          void navigate(`/plans/${id}`, { replace: true });
          announce(t('plans.saved', { title: input.title }));
        }}
        onCancel={() => void navigate('/plans')}
      />
    </>
  );
}

function ExistingPlan({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const plan$ = useApiResource<EmergencyPlan>(id, () => api.call('plans.get', { id }));
  // The form's starting values, taken once when editing starts: a reload meanwhile must not reset the form.
  const [editing, setEditing] = useState<PlanFormValues | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { data: plan, error, reload } = plan$;

  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (entities.some((entity) => ['emergencyPlan', 'client', 'site', '*'].includes(entity))) reload();
      }),
    [reload],
  );

  const gone = isApiClientError(error) && error.code === 'plans.not-found';
  if (error && (gone || !plan)) {
    return (
      <>
        <BackLink />
        {gone ? <Alert severity="warning">{t('plans.notFound')}</Alert> : <ErrorAlert title={t('plans.loadFailed')} error={error} action={{ label: t('app.retry'), run: reload }} />}
      </>
    );
  }
  if (!plan) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }

  if (editing) {
    return (
      <PlanEditor
        heading={t('plans.editPlan')}
        initial={editing}
        fallback={{ clientName: plan.clientName, siteName: plan.siteName }}
        onSave={async (input) => {
          await api.call('plans.update', { id: plan.id, fields: input });
          setEditing(null);
          reload();
          announce(t('plans.saved', { title: input.title }));
        }}
        onCancel={() => setEditing(null)}
      />
    );
  }

  const remove = async () => {
    await api.call('plans.delete', { id: plan.id });
    void navigate('/plans');
    announce(t('plans.deleted', { title: plan.title }), {
      severity: 'info',
      action: {
        label: t('plans.undo'),
        run: async () => {
          await api.call('plans.restore', { id: plan.id });
          announce(t('plans.restored', { title: plan.title }), { action: { label: t('plans.open'), run: () => void navigate(`/plans/${plan.id}`) } });
        },
      },
    });
  };

  return (
    <>
      <PlanPrintStyles />
      <BackLink />
      <PageHeader
        title={plan.title}
        subtitle={[plan.clientName, plan.siteName ?? t('plans.allSites')].join(' · ')}
        actions={
          <Box className="plans-print-hidden" sx={{ display: 'flex', gap: 1 }}>
            <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
              {t('plans.print')}
            </Button>
            <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(valuesFromPlan(plan))}>
              {t('plans.edit')}
            </Button>
            <Button variant="outlined" color="error" startIcon={<DeleteOutlinedIcon />} onClick={() => setConfirmDelete(true)}>
              {t('plans.delete')}
            </Button>
          </Box>
        }
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <ScenarioChip scenario={plan.scenario} size="medium" />
        <SeverityChip severity={plan.severity} size="medium" />
        <Chip variant="outlined" label={t('plans.versionLabel', { version: plan.version })} />
        {plan.reviewedAt ? (
          <Chip variant="outlined" label={t('plans.reviewedOn', { date: formatPlanDate(plan.reviewedAt, i18n.language) })} />
        ) : (
          <Chip color="warning" label={t('plans.notReviewed')} />
        )}
        <Typography variant="body2" color="text.secondary">
          {t('plans.updatedAt', { time: formatDateTime(plan.updatedAt, i18n.language) })}
        </Typography>
      </Stack>
      {plan.reviewedAt ? null : (
        <Alert severity="warning" sx={{ mb: 2 }} className="plans-print-hidden">
          {plan.templateId ? t('plans.fromTemplateUnreviewed') : t('plans.unreviewedHint')}
        </Alert>
      )}
      <Box lang={plan.language}>
        <PlanReader plan={plan} />
      </Box>
      {confirmDelete ? (
        <ConfirmDialog
          title={t('plans.deleteTitle')}
          body={t('plans.deleteBody', { title: plan.title })}
          confirmLabel={t('plans.delete')}
          cancelLabel={t('plans.editor.cancel')}
          onConfirm={remove}
          onClose={() => setConfirmDelete(false)}
        />
      ) : null}
    </>
  );
}
