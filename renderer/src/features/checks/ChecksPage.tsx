import { Paper, Stack, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useCheckCatalog } from './check-catalog.store';
import { connectCheckRuns, useCheckRuns } from './check-runs.store';
import { RunResults } from './page/RunResults';
import { RunsTable } from './page/RunsTable';
import { SweepPanel } from './page/SweepPanel';

/** 设备检测: sweeps over a location, the runs so far and what each one found. */
export function ChecksPage() {
  const { t } = useTranslation();
  const runsHeadingId = useId();
  const recent = useCheckRuns((state) => state.recent);
  const recentError = useCheckRuns((state) => state.recentError);
  const refresh = useCheckRuns((state) => state.refresh);
  const sweepRunId = useCheckRuns((state) => state.sweepRunId);
  const loadCatalog = useCheckCatalog((state) => state.load);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    connectCheckRuns();
    void refresh();
    void loadCatalog();
  }, [refresh, loadCatalog]);

  // The run picked in the table, else the sweep started here, else the newest run.
  const selectedId = chosen ?? sweepRunId ?? recent?.[0]?.id ?? null;
  const selected = recent?.find((run) => run.id === selectedId) ?? null;

  return (
    <>
      <PageHeader title={t('checks.title')} subtitle={t('checks.subtitle')} />
      <Stack spacing={3}>
        <SweepPanel onStarted={setChosen} />
        <Paper variant="outlined" component="section" aria-labelledby={runsHeadingId} sx={{ p: 2.5 }}>
          <Typography variant="h2" id={runsHeadingId} sx={{ mb: 1.5 }}>
            {t('checks.runs.title')}
          </Typography>
          {recentError ? <ErrorAlert title={t('checks.runs.loadFailed')} error={recentError} action={{ label: t('app.retry'), run: () => void refresh() }} /> : null}
          {recent ? <RunsTable runs={recent} selectedId={selectedId} onSelect={setChosen} /> : null}
        </Paper>
        {selected ? (
          <Paper variant="outlined" component="section" aria-label={t('checks.runResults.title', { label: selected.label || t('checks.runs.unnamed') })} sx={{ p: 2.5 }}>
            <RunResults runId={selected.id} label={selected.label || t('checks.runs.unnamed')} />
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
