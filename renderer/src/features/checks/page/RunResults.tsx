import { FormControlLabel, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResultSummary } from '@shared/domain/checks';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useApiResource } from '../../assets/use-api-resource';
import { useCheckCatalog } from '../check-catalog.store';
import { formatShortDateTime, stepLabel } from '../check-format';
import { ResultProblem, ViewResultButton } from '../ui/ResultCells';
import { ResultDialog } from '../ui/ResultDialog';
import { CheckStatusChip } from '../ui/StatusChip';
import { useRecordsChanged } from '../use-records-changed';
import { AssetName } from './AssetName';

/** Results a run shows at most; a 200-device sweep with every kind stays under it. */
const RUN_RESULTS_LIMIT = 1000;

/** One run's results, problems first if asked, each linking to its asset and opening its evidence. */
export function RunResults({ runId, label }: { runId: string; label: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const profiles = useCheckCatalog((state) => state.profiles);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, reload } = useApiResource<CheckResultSummary[]>(runId, () => api.call('checks.results', { runId, limit: RUN_RESULTS_LIMIT }));
  useRecordsChanged(['checkResult'], reload, 800);

  const rows = (data ?? []).filter((result) => !problemsOnly || result.status !== 'ok');

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="h2">{t('checks.runResults.title', { label })}</Typography>
        <FormControlLabel control={<Switch size="small" checked={problemsOnly} onChange={(event) => setProblemsOnly(event.target.checked)} />} label={t('checks.runResults.problemsOnly')} />
      </Stack>
      {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
      {data === null ? null : rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {problemsOnly && data.length > 0 ? t('checks.runResults.noProblems') : t('checks.runResults.empty')}
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('checks.runResults.tableLabel', { label })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('checks.runResults.columns.asset')}</TableCell>
                <TableCell>{t('checks.results.columns.kind')}</TableCell>
                <TableCell>{t('checks.results.columns.step')}</TableCell>
                <TableCell>{t('checks.results.columns.status')}</TableCell>
                <TableCell>{t('checks.results.columns.error')}</TableCell>
                <TableCell>{t('checks.results.columns.when')}</TableCell>
                <TableCell align="right">{t('checks.results.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((result) => {
                const step = stepLabel(result.profileId, result.step, profiles, language);
                const when = formatShortDateTime(result.startedAt, language);
                const viewLabel = t('checks.results.viewFor', { step, when });
                return (
                  <TableRow key={result.id} hover>
                    <TableCell>
                      {result.assetId ? <AssetName assetId={result.assetId} fallback={result.target} /> : result.target}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', fontFamily: 'monospace' }}>
                        {result.target}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`checks.kinds.${result.kind}`)}</TableCell>
                    <TableCell>{step}</TableCell>
                    <TableCell>
                      <CheckStatusChip status={result.status} />
                    </TableCell>
                    <TableCell sx={{ maxWidth: 320 }}>
                      <ResultProblem result={result} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{when}</TableCell>
                    <TableCell align="right">
                      <ViewResultButton label={viewLabel} onClick={() => setOpen(result.id)} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open ? <ResultDialog resultId={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
