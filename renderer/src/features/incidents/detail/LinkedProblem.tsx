import { Chip, Link, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ProblemSummary } from '@shared/domain/problems';
import { api } from '../../../api';
import { formatDateTime } from '../../../i18n/format';
import { Section } from '../../assets/detail/Section';
import { useApiResource } from '../../assets/use-api-resource';
import { useRecordsChanged } from '../../checks/use-records-changed';
import { PROBLEM_STATUS_COLOR } from '../../problems/problem-format';
import { Link as RouterLink } from 'react-router';

/** 问题记录 the incident is linked to (a defect behind repeated faults); shown only when there is one. */
export function LinkedProblem({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const { data, reload } = useApiResource<ProblemSummary[]>(incidentId, () => api.call('problems.forIncident', { incidentId }));
  useRecordsChanged(['problem', 'problemStep'], reload);
  if (!data || data.length === 0) return null;
  return (
    <Section title={t('incidents.detail.linkedProblems')}>
      <List dense disablePadding>
        {data.map((problem) => (
          <ListItem key={problem.id} disableGutters>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Link component={RouterLink} to={`/problems/${problem.id}`}>
                    {problem.title || t(`problems.types.${problem.type}`)}
                  </Link>
                  <Chip size="small" color={PROBLEM_STATUS_COLOR[problem.status]} variant="outlined" label={t(`problems.statuses.${problem.status}`)} />
                </Stack>
              }
              secondary={`${t(`problems.types.${problem.type}`)} · ${problem.reporter} · ${formatDateTime(problem.reportedAt, i18n.language)}`}
            />
          </ListItem>
        ))}
      </List>
    </Section>
  );
}
