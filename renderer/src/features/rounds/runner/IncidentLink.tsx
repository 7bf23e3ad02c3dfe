import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { api } from '../../../api';
import { useApiResource } from '../../assets/use-api-resource';

/** The incident raised from an entry, by its number, opening the incident. */
export function IncidentLink({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const { data } = useApiResource(incidentId, () => api.call('incidents.get', { id: incidentId }));
  const number = data?.incident.number ?? t('rounds.incident.linked');
  return (
    <Chip
      size="small"
      color="error"
      variant="outlined"
      icon={<ReportProblemIcon />}
      clickable
      component={RouterLink}
      to={`/incidents/${incidentId}`}
      label={number}
      aria-label={t('rounds.incident.open', { number })}
    />
  );
}
