import AddIcon from '@mui/icons-material/Add';
import PublishedWithChangesIcon from '@mui/icons-material/PublishedWithChanges';
import SearchIcon from '@mui/icons-material/Search';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import {
  Box,
  Button,
  Chip,
  CircularProgress,
  InputAdornment,
  LinearProgress,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { MethodOutput } from '@shared/api';
import { CHANGE_STATUSES, RISK_LEVELS } from '@shared/domain/changes';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { useSession } from '../../app/session.store';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useRecordsChanged } from '../checks/use-records-changed';
import { useListPage } from '../problems/use-list-page';
import { ChangeFormDialog } from './ChangeFormDialog';
import { CHANGE_STATUS_COLOR, RISK_COLOR } from './change-format';
import { changeFiltering, changeListInput, useChangeList } from './changes-list.store';

const SEARCH_DELAY_MS = 250;
const CHANGE_ENTITIES = ['change'];

/** 变更: planned modifications with their window, risk and approval, newest window first. */
export function ChangesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useChangeList();
  const profileName = useSession((state) => state.info?.profile?.name ?? '');
  const [text, setText] = useState(list.search);
  const [creating, setCreating] = useState(false);
  const setSearch = list.setSearch;

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, setSearch]);

  const input = changeListInput(list);
  const page$ = useListPage<MethodOutput<'changes.list'>>(JSON.stringify(input), () => api.call('changes.list', input));
  useRecordsChanged(CHANGE_ENTITIES, page$.reload);
  const page = page$.data;
  const nothingYet = page !== null && page.total === 0 && !changeFiltering(list);
  const newButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
      {t('changes.actions.new')}
    </Button>
  );
  const windowText = (start: number | null, end: number | null) =>
    start === null ? t('changes.list.noWindow') : `${formatDateTime(start, i18n.language)} – ${end === null ? '?' : formatDateTime(end, i18n.language)}`;

  return (
    <>
      <PageHeader title={t('changes.title')} subtitle={t('changes.subtitle')} actions={nothingYet ? null : newButton} />
      {page$.error ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('changes.list.loadFailed')} error={page$.error} action={{ label: t('app.retry'), run: page$.reload }} />
        </Box>
      ) : null}
      {page === null ? (
        page$.error ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={t('changes.list.loading')} />
          </Box>
        )
      ) : nothingYet ? (
        <EmptyState icon={<PublishedWithChangesIcon />} title={t('changes.list.empty.title')} body={t('changes.list.empty.body')} action={newButton} />
      ) : (
        <Stack spacing={2}>
          <TextField
            type="search"
            size="small"
            label={t('changes.list.search')}
            placeholder={t('changes.list.searchPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            sx={{ maxWidth: 420 }}
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
          <Stack direction="row" spacing={1} useFlexGap role="group" aria-label={t('changes.list.statusFilter')} sx={{ flexWrap: 'wrap' }}>
            {CHANGE_STATUSES.map((status) => {
              const on = list.statuses.includes(status);
              return (
                <Chip
                  key={status}
                  label={t(`changes.statuses.${status}`)}
                  color={on ? CHANGE_STATUS_COLOR[status] : 'default'}
                  variant={on ? 'filled' : 'outlined'}
                  onClick={() => list.toggleStatus(status)}
                  aria-pressed={on}
                />
              );
            })}
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap role="group" aria-label={t('changes.list.riskFilter')} sx={{ flexWrap: 'wrap' }}>
            {RISK_LEVELS.map((level) => {
              const on = list.riskLevels.includes(level);
              return (
                <Chip
                  key={level}
                  label={t(`changes.risk.${level}`)}
                  color={on ? RISK_COLOR[level] : 'default'}
                  variant={on ? 'filled' : 'outlined'}
                  onClick={() => list.toggleRisk(level)}
                  aria-pressed={on}
                />
              );
            })}
          </Stack>
          <Box sx={{ height: 4 }}>{page$.loading ? <LinearProgress aria-label={t('changes.list.loading')} /> : null}</Box>
          {page.total === 0 ? (
            <EmptyState
              icon={<SearchOffIcon />}
              title={t('changes.list.noMatches.title')}
              body={t('changes.list.noMatches.body')}
              action={
                <Button
                  variant="outlined"
                  onClick={() => {
                    setText('');
                    list.clear();
                  }}
                >
                  {t('changes.list.noMatches.clear')}
                </Button>
              }
            />
          ) : (
            <Paper variant="outlined">
              <TableContainer>
                <Table size="small" aria-label={t('changes.list.tableLabel')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('changes.fields.title')}</TableCell>
                      <TableCell>{t('changes.fields.status')}</TableCell>
                      <TableCell>{t('changes.fields.riskLevel')}</TableCell>
                      <TableCell>{t('changes.fields.window')}</TableCell>
                      <TableCell>{t('changes.fields.requester')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {page.rows.map((change) => (
                      <TableRow key={change.id} hover sx={{ cursor: 'pointer' }} onClick={() => void navigate(`/changes/${change.id}`)}>
                        <TableCell sx={{ maxWidth: 420 }}>
                          <Link component={RouterLink} to={`/changes/${change.id}`} onClick={(event) => event.stopPropagation()} sx={{ overflowWrap: 'anywhere' }}>
                            {change.title}
                          </Link>
                        </TableCell>
                        <TableCell>
                          <Chip size="small" color={CHANGE_STATUS_COLOR[change.status]} label={t(`changes.statuses.${change.status}`)} />
                        </TableCell>
                        <TableCell>
                          {change.riskLevel ? (
                            <Chip size="small" variant="outlined" color={RISK_COLOR[change.riskLevel]} label={t(`changes.risk.${change.riskLevel}`)} />
                          ) : (
                            t('changes.detail.none')
                          )}
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{windowText(change.windowStart, change.windowEnd)}</TableCell>
                        <TableCell>{change.requester}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
              <TablePagination
                component="div"
                count={page.total}
                page={list.page}
                rowsPerPage={list.rowsPerPage}
                rowsPerPageOptions={[25, 50, 100]}
                onPageChange={(_event, next) => list.setPage(next)}
                onRowsPerPageChange={(event) => list.setRowsPerPage(Number(event.target.value))}
                labelRowsPerPage={t('changes.list.rowsPerPage')}
                labelDisplayedRows={({ from, to, count }) => t('changes.list.displayedRows', { from, to, count })}
                getItemAriaLabel={(type) => t(`changes.list.pager.${type}`)}
              />
            </Paper>
          )}
        </Stack>
      )}
      {creating ? <ChangeFormDialog mode="create" requester={profileName} onClose={() => setCreating(false)} onSaved={(change) => void navigate(`/changes/${change.id}`)} /> : null}
    </>
  );
}
