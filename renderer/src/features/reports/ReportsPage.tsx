import AddIcon from '@mui/icons-material/Add';
import AssessmentIcon from '@mui/icons-material/Assessment';
import { Box, Button, Chip, CircularProgress, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { LocationTree } from '@shared/domain/locations';
import type { ServiceReportSummary } from '@shared/domain/reports';
import { api, isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { NewReportDialog } from './NewReportDialog';
import { formatPeriod } from './report-format';

/** 服务报告: the reports on this console, newest period first, and the way to start one. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const reports$ = useApiResource<ServiceReportSummary[]>('all', () => api.call('reports.list', {}));
  const tree$ = useApiResource<LocationTree>('tree', () => api.call('locations.tree', {}));
  const [creating, setCreating] = useState(false);
  useRecordsChanged(['serviceReport'], reports$.reload);
  const clients = tree$.data?.clients ?? [];

  const forbidden = isApiClientError(reports$.error) && reports$.error.code === 'reports.forbidden-role';
  const header = (
    <PageHeader
      title={t('reports.title')}
      subtitle={t('reports.subtitle')}
      actions={
        forbidden ? undefined : (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} disabled={!tree$.data}>
            {t('reports.actions.new')}
          </Button>
        )
      }
    />
  );
  let body;
  if (reports$.error && !reports$.data) {
    body = <ErrorAlert title={t(forbidden ? 'reports.list.forbidden' : 'reports.list.loadFailed')} error={reports$.error} action={forbidden ? undefined : { label: t('app.retry'), run: reports$.reload }} />;
  } else if (!reports$.data) {
    body = (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
        <CircularProgress aria-label={t('reports.list.loading')} />
      </Box>
    );
  } else if (reports$.data.length === 0) {
    body = (
      <EmptyState
        icon={<AssessmentIcon />}
        title={t('reports.list.emptyTitle')}
        body={t(clients.length === 0 && tree$.data ? 'reports.list.emptyNoClients' : 'reports.list.emptyBody')}
        action={
          clients.length > 0 ? (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('reports.actions.new')}
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    body = (
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('reports.list.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('reports.fields.title')}</TableCell>
              <TableCell>{t('reports.fields.client')}</TableCell>
              <TableCell>{t('reports.fields.period')}</TableCell>
              <TableCell>{t('reports.fields.status')}</TableCell>
              <TableCell>{t('reports.fields.updated')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {reports$.data.map((report) => (
              <TableRow key={report.id} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/reports/${report.id}`}>
                    {report.title}
                  </Link>
                </TableCell>
                <TableCell>{report.clientName}</TableCell>
                <TableCell>
                  {t(`reports.periodKinds.${report.period.kind}`)} · {formatPeriod(report.period, i18n.language)}
                </TableCell>
                <TableCell>
                  <Chip size="small" color={report.status === 'final' ? 'success' : 'default'} label={t(`reports.statuses.${report.status}`)} />
                </TableCell>
                <TableCell>
                  {formatDateTime(report.updatedAt, i18n.language)} · {report.updatedBy}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    );
  }

  return (
    <>
      {header}
      {body}
      {creating ? (
        <NewReportDialog
          clients={clients}
          onClose={() => setCreating(false)}
          onCreated={(report) => {
            setCreating(false);
            void navigate(`/reports/${report.id}`);
          }}
        />
      ) : null}
    </>
  );
}
