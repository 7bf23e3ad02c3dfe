import AddCommentIcon from '@mui/icons-material/AddComment';
import BugReportIcon from '@mui/icons-material/BugReport';
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
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Tabs,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { MethodOutput } from '@shared/api';
import { DEFECT_FLOW, PROBLEM_STATUSES, type ProblemStatus } from '@shared/domain/problems';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { notify } from '../../app/errors/report-error';
import { EmptyState } from '../../app/ui/EmptyState';
import { PageHeader } from '../../app/ui/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useRecordsChanged } from '../checks/use-records-changed';
import { NewConsultationDialog } from './NewConsultationDialog';
import { NewDefectDialog } from './NewDefectDialog';
import { displayTitle, PROBLEM_STATUS_COLOR } from './problem-format';
import { filtering, listInput, useProblemList, type ProblemTab } from './problems-list.store';
import { useListPage } from './use-list-page';

const TABS: ProblemTab[] = ['all', 'consultation', 'defect'];
const SEARCH_DELAY_MS = 250;
const PROBLEM_ENTITIES = ['problem', 'problemStep'];

/** 问题记录: consultations answered on the spot and defects followed from analysis to feedback. */
export function ProblemsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useProblemList();
  const [text, setText] = useState(list.search);
  const [dialog, setDialog] = useState<'consultation' | 'defect' | null>(null);
  const setSearch = list.setSearch;

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, setSearch]);

  const input = listInput(list);
  const page$ = useListPage<MethodOutput<'problems.list'>>(JSON.stringify(input), () => api.call('problems.list', input));
  useRecordsChanged(PROBLEM_ENTITIES, page$.reload);

  const statusOptions: readonly ProblemStatus[] = list.tab === 'consultation' ? ['answered'] : list.tab === 'defect' ? DEFECT_FLOW : PROBLEM_STATUSES;
  const page = page$.data;
  const nothingYet = page !== null && page.total === 0 && list.tab === 'all' && !filtering(list);
  const newButtons = (
    <>
      <Button variant="contained" startIcon={<AddCommentIcon />} onClick={() => setDialog('consultation')}>
        {t('problems.actions.newConsultation')}
      </Button>
      <Button variant="outlined" startIcon={<BugReportIcon />} onClick={() => setDialog('defect')}>
        {t('problems.actions.newDefect')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('problems.title')} subtitle={t('problems.subtitle')} actions={nothingYet ? null : newButtons} />
      {page$.error ? (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert title={t('problems.list.loadFailed')} error={page$.error} action={{ label: t('app.retry'), run: page$.reload }} />
        </Box>
      ) : null}
      {page === null ? (
        page$.error ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={t('problems.list.loading')} />
          </Box>
        )
      ) : nothingYet ? (
        <EmptyState
          icon={<BugReportIcon />}
          title={t('problems.list.empty.title')}
          body={t('problems.list.empty.body')}
          action={
            <Stack direction="row" spacing={1}>
              {newButtons}
            </Stack>
          }
        />
      ) : (
        <Stack spacing={2}>
          <Tabs value={list.tab} onChange={(_event, tab: ProblemTab) => list.setTab(tab)} aria-label={t('problems.list.typeTabs')}>
            {TABS.map((tab) => (
              <Tab key={tab} value={tab} label={t(`problems.list.tabs.${tab}`)} />
            ))}
          </Tabs>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <TextField
              type="search"
              size="small"
              label={t('problems.list.search')}
              placeholder={t('problems.list.searchPlaceholder')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              sx={{ minWidth: 280 }}
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
            <Stack direction="row" spacing={1} useFlexGap role="group" aria-label={t('problems.list.statusFilter')} sx={{ flexWrap: 'wrap' }}>
              {statusOptions.map((status) => {
                const on = list.statuses.includes(status);
                return (
                  <Chip
                    key={status}
                    label={t(`problems.statuses.${status}`)}
                    color={on ? PROBLEM_STATUS_COLOR[status] : 'default'}
                    variant={on ? 'filled' : 'outlined'}
                    onClick={() => list.toggleStatus(status)}
                    aria-pressed={on}
                  />
                );
              })}
            </Stack>
          </Stack>
          <Box sx={{ height: 4 }}>{page$.loading ? <LinearProgress aria-label={t('problems.list.loading')} /> : null}</Box>
          {page.total === 0 ? (
            <EmptyState
              icon={<SearchOffIcon />}
              title={t('problems.list.noMatches.title')}
              body={t('problems.list.noMatches.body')}
              action={
                <Button
                  variant="outlined"
                  onClick={() => {
                    setText('');
                    list.clear();
                    list.setTab('all');
                  }}
                >
                  {t('problems.list.noMatches.clear')}
                </Button>
              }
            />
          ) : (
            <Paper variant="outlined">
              <TableContainer>
                <Table size="small" aria-label={t('problems.list.tableLabel')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('problems.list.columns.title')}</TableCell>
                      <TableCell>{t('problems.list.columns.type')}</TableCell>
                      <TableCell>{t('problems.list.columns.status')}</TableCell>
                      <TableCell>{t('problems.list.columns.reporter')}</TableCell>
                      <TableCell>{t('problems.list.columns.reportedAt')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {page.rows.map((problem) => (
                      <TableRow key={problem.id} hover sx={{ cursor: 'pointer' }} onClick={() => void navigate(`/problems/${problem.id}`)}>
                        <TableCell sx={{ maxWidth: 480 }}>
                          {/* The link is what the keyboard reaches; the row click is a convenience for the mouse. */}
                          <Link component={RouterLink} to={`/problems/${problem.id}`} onClick={(event) => event.stopPropagation()} sx={{ overflowWrap: 'anywhere' }}>
                            {displayTitle(problem)}
                          </Link>
                        </TableCell>
                        <TableCell>{t(`problems.types.${problem.type}`)}</TableCell>
                        <TableCell>
                          <Chip size="small" color={PROBLEM_STATUS_COLOR[problem.status]} label={t(`problems.statuses.${problem.status}`)} />
                        </TableCell>
                        <TableCell>{problem.reporter}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(problem.reportedAt, i18n.language)}</TableCell>
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
                labelRowsPerPage={t('problems.list.rowsPerPage')}
                labelDisplayedRows={({ from, to, count }) => t('problems.list.displayedRows', { from, to, count })}
                getItemAriaLabel={(type) => t(`problems.list.pager.${type}`)}
              />
            </Paper>
          )}
        </Stack>
      )}
      {dialog === 'consultation' ? (
        <NewConsultationDialog
          onClose={() => setDialog(null)}
          onCreated={(problem) =>
            notify(t('problems.consultationDialog.saved'), { action: { label: t('problems.actions.open'), run: () => void navigate(`/problems/${problem.id}`) } })
          }
        />
      ) : null}
      {dialog === 'defect' ? <NewDefectDialog onClose={() => setDialog(null)} onCreated={(problem) => void navigate(`/problems/${problem.id}`)} /> : null}
    </>
  );
}
