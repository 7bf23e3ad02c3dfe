import AddIcon from '@mui/icons-material/Add';
import CrisisAlertIcon from '@mui/icons-material/CrisisAlert';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import SearchIcon from '@mui/icons-material/Search';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import {
  Box,
  Button,
  Chip,
  CircularProgress,
  InputAdornment,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { PlanSummary } from '@shared/domain/emergency-plans';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { useApiResource } from '../assets/use-api-resource';
import { useLocations } from '../locations/locations.store';
import { FromTemplateDialog } from './FromTemplateDialog';
import { ScenarioChip, SeverityChip } from './PlanChips';
import { formatPlanDate } from './plan-format';
import { groupPlans } from './plan-groups';

const SEARCH_DELAY_MS = 200;

/** Every emergency plan, by client and site, with search; new plans from scratch or from a template. */
export function EmergencyPlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useLocations((state) => state.tree);
  const loadTree = useLocations((state) => state.load);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [clientId, setClientId] = useState('');
  const [templateOpen, setTemplateOpen] = useState(false);

  useEffect(() => {
    if (useLocations.getState().tree === null) void loadTree();
  }, [loadTree]);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const key = JSON.stringify({ search, clientId });
  const plans$ = useApiResource<PlanSummary[]>(key, () =>
    api.call('plans.list', { ...(search ? { search } : {}), ...(clientId ? { clientId } : {}) }),
  );
  const reload = plans$.reload;

  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (entities.some((entity) => ['emergencyPlan', 'client', 'site', '*'].includes(entity))) reload();
      }),
    [reload],
  );

  const groups = useMemo(() => groupPlans(plans$.data ?? []), [plans$.data]);
  const filtering = search !== '' || clientId !== '';
  const noClients = tree !== null && tree.clients.length === 0;
  const newPlan = () => void navigate(clientId ? `/plans/new?clientId=${encodeURIComponent(clientId)}` : '/plans/new');

  const actions = (
    <>
      <Button variant="outlined" startIcon={<NoteAddIcon />} onClick={() => setTemplateOpen(true)} disabled={noClients}>
        {t('plans.fromTemplate')}
      </Button>
      <Button variant="contained" startIcon={<AddIcon />} onClick={newPlan} disabled={noClients}>
        {t('plans.newPlan')}
      </Button>
    </>
  );

  let body;
  if (plans$.error) {
    body = <ErrorAlert title={t('plans.loadFailed')} error={plans$.error} action={{ label: t('app.retry'), run: reload }} />;
  } else if (plans$.data === null) {
    body = (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  } else if (noClients && !filtering && plans$.data.length === 0) {
    body = (
      <EmptyState
        icon={<LocationCityIcon />}
        title={t('plans.emptyNoClients.title')}
        body={t('plans.emptyNoClients.body')}
        action={
          <Button variant="contained" component={RouterLink} to="/locations">
            {t('plans.emptyNoClients.action')}
          </Button>
        }
      />
    );
  } else if (plans$.data.length === 0 && !filtering) {
    body = (
      <EmptyState
        icon={<CrisisAlertIcon />}
        title={t('plans.empty.title')}
        body={t('plans.empty.body')}
        action={
          <Button variant="contained" startIcon={<NoteAddIcon />} onClick={() => setTemplateOpen(true)}>
            {t('plans.fromTemplate')}
          </Button>
        }
      />
    );
  } else if (plans$.data.length === 0) {
    body = <EmptyState icon={<SearchOffIcon />} title={t('plans.noMatch.title')} body={t('plans.noMatch.body')} />;
  } else {
    body = (
      <Stack spacing={3}>
        {groups.map((client) => (
          <Box component="section" key={client.clientId} aria-label={client.clientName}>
            <Typography variant="h2" sx={{ mb: 1 }}>
              {client.clientName}
            </Typography>
            <Stack spacing={1.5}>
              {client.sites.map((site) => (
                <Paper key={site.siteId ?? 'all'} variant="outlined">
                  <Typography variant="subtitle2" color="text.secondary" sx={{ px: 2, pt: 1.5 }}>
                    {site.siteName ?? t('plans.allSites')}
                  </Typography>
                  <List dense>
                    {site.plans.map((plan) => (
                      <PlanListItem key={plan.id} plan={plan} />
                    ))}
                  </List>
                </Paper>
              ))}
            </Stack>
          </Box>
        ))}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader title={t('plans.title')} subtitle={t('plans.subtitle')} actions={actions} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 3 }}>
        <TextField
          type="search"
          label={t('plans.search')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          sx={{ flexGrow: 1 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
        />
        <TextField
          select
          label={t('plans.fields.client')}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          sx={{ minWidth: 220 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        >
          <MenuItem value="">{t('plans.allClients')}</MenuItem>
          {(tree?.clients ?? []).map((client) => (
            <MenuItem key={client.id} value={client.id}>
              {client.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {body}
      {templateOpen ? <FromTemplateDialog initialScope={{ clientId: clientId || null, siteId: null }} onClose={() => setTemplateOpen(false)} /> : null}
    </>
  );
}

function PlanListItem({ plan }: { plan: PlanSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <ListItemButton component={RouterLink} to={`/plans/${plan.id}`}>
      <ListItemText
        primary={
          <Typography component="span" sx={{ fontWeight: 600 }} lang={plan.language}>
            {plan.title}
          </Typography>
        }
        secondary={
          <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5, alignItems: 'center' }}>
            <ScenarioChip scenario={plan.scenario} />
            <SeverityChip severity={plan.severity} />
            <Chip size="small" variant="outlined" label={t('plans.stepCount', { n: String(plan.stepCount) })} />
            <Chip size="small" variant="outlined" label={t('plans.versionLabel', { version: plan.version })} />
            {plan.reviewedAt ? (
              <Typography component="span" variant="caption" color="text.secondary">
                {t('plans.reviewedOn', { date: formatPlanDate(plan.reviewedAt, i18n.language) })}
              </Typography>
            ) : (
              <Chip size="small" color="warning" label={t('plans.notReviewed')} />
            )}
          </Stack>
        }
        slotProps={{ secondary: { component: 'span' } }}
      />
    </ListItemButton>
  );
}
