import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Box, Button, Chip, CircularProgress, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Schedule } from '@shared/domain/rounds';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { EmptyState } from '../../../app/ui/EmptyState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { ConfirmDialog } from '../../assets/ConfirmDialog';
import { announce } from '../../assets/confirmations';
import { useApiResource } from '../../assets/use-api-resource';
import { useRecordsChanged } from '../../checks/use-records-changed';
import { ROUND_ENTITIES } from '../round-entities';
import { formatDay, targetLabel } from '../round-format';
import { useRooms } from '../use-room-names';
import { ScheduleDialog } from './ScheduleDialog';

/** 巡检计划: the routine rounds (daily, weekly, monthly, quarterly) that fill the home screen. */
export function SchedulesPage() {
  const { t, i18n } = useTranslation();
  const { roomNames } = useRooms();
  const schedules = useApiResource('schedules', () => api.call('schedules.list', {}));
  const templates = useApiResource('templates:all', () => api.call('templates.list', { includeArchived: true }));
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  const reload = () => {
    schedules.reload();
    templates.reload();
  };
  useRecordsChanged(ROUND_ENTITIES, reload);
  const templateNames = useMemo(() => new Map((templates.data ?? []).map((template) => [template.id, template.name])), [templates.data]);

  const error = schedules.error ?? templates.error;
  const rows = schedules.data;

  return (
    <>
      <Button component={RouterLink} to="/rounds" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {t('rounds.backToRounds')}
      </Button>
      <PageHeader
        title={t('rounds.schedules.title')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={!templates.data || templates.data.length === 0}>
            {t('rounds.schedules.new')}
          </Button>
        }
      />
      {error && !rows ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
      {!rows || !templates.data ? (
        error ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        )
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<EventRepeatIcon />}
          title={t('rounds.schedules.emptyTitle')}
          body={templates.data.length === 0 ? t('rounds.schedules.emptyNoTemplates') : t('rounds.schedules.emptyBody')}
          action={
            templates.data.length === 0 ? (
              <Button component={RouterLink} to="/rounds/templates">
                {t('rounds.nav.templates')}
              </Button>
            ) : (
              <Button variant="contained" onClick={() => setEditing('new')}>
                {t('rounds.schedules.new')}
              </Button>
            )
          }
        />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('rounds.schedules.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('rounds.schedules.template')}</TableCell>
                <TableCell>{t('rounds.schedules.target')}</TableCell>
                <TableCell>{t('rounds.schedules.frequency')}</TableCell>
                <TableCell>{t('rounds.schedules.startDate')}</TableCell>
                <TableCell>{t('rounds.schedules.assignee')}</TableCell>
                <TableCell>{t('rounds.schedules.state')}</TableCell>
                <TableCell align="right">{t('rounds.templates.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((schedule) => {
                const name = templateNames.get(schedule.templateId) ?? t('rounds.schedules.unknownTemplate');
                return (
                  <TableRow key={schedule.id} hover>
                    <TableCell>{name}</TableCell>
                    <TableCell>{targetLabel(schedule.target, roomNames, t)}</TableCell>
                    <TableCell>{t(`rounds.frequencies.${schedule.frequency}`)}</TableCell>
                    <TableCell>{formatDay(schedule.startDate, i18n.language)}</TableCell>
                    <TableCell>{schedule.assignee || t('rounds.schedules.anyone')}</TableCell>
                    <TableCell>{schedule.active ? <Chip size="small" color="success" label={t('rounds.schedules.activeChip')} /> : <Chip size="small" label={t('rounds.schedules.inactiveChip')} />}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setEditing(schedule)} aria-label={t('rounds.schedules.editFor', { name })}>
                        {t('rounds.schedules.edit')}
                      </Button>
                      <Button size="small" color="error" onClick={() => setDeleting(schedule)} aria-label={t('rounds.schedules.deleteFor', { name })}>
                        {t('rounds.schedules.delete')}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {editing && templates.data ? <ScheduleDialog schedule={editing === 'new' ? null : editing} templates={templates.data} onClose={() => setEditing(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('rounds.schedules.deleteTitle')}
          body={t('rounds.schedules.deleteBody')}
          confirmLabel={t('rounds.schedules.delete')}
          cancelLabel={t('rounds.cancel')}
          onConfirm={async () => {
            await api.call('schedules.delete', { id: deleting.id });
            announce(t('rounds.schedules.deleted'));
            reload();
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
