import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import TuneIcon from '@mui/icons-material/Tune';
import { Box, Button, Divider, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/api';
import { RUNNABLE_CHECK_KINDS, type CheckResultSummary, type CheckSettings, type RunnableCheckKind, type SshHostKey } from '@shared/domain/checks';
import type { Asset } from '@shared/domain/assets';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useApiResource } from '../../assets/use-api-resource';
import { Section } from '../../assets/detail/Section';
import { HostKeyBanner } from '../../ssh-host-keys/HostKeyBanner';
import { CapturedOutputDialog } from '../captured/CapturedOutputDialog';
import { useCheckCatalog } from '../check-catalog.store';
import { connectCheckRuns, useCheckRuns, useRunView } from '../check-runs.store';
import { KindPicker } from '../ui/KindPicker';
import { RunProgress } from '../ui/RunProgress';
import { useRecordsChanged } from '../use-records-changed';
import { CheckSettingsDialog } from './CheckSettingsDialog';
import { LatestValues } from './LatestValues';
import { ResultsList } from './ResultsList';

type Latest = MethodOutput<'checks.latest'>[number];

/** Results fetched for the list and for the status of the latest values; the list shows a page of them at a time. */
const RESULTS_WINDOW = 200;
const RESULTS_PAGE = 10;

/**
 * 设备检测 on an asset's page: run checks now, the latest value of every
 * metric with its trend, the results kept as evidence, how the device is
 * checked, and output captured by hand.
 */
export function AssetChecks({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<RunnableCheckKind[]>([...RUNNABLE_CHECK_KINDS]);
  const [dialog, setDialog] = useState<'settings' | 'captured' | null>(null);
  const [shown, setShown] = useState(RESULTS_PAGE);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const loadCatalog = useCheckCatalog((state) => state.load);
  const start = useCheckRuns((state) => state.start);
  const cancel = useCheckRuns((state) => state.cancel);
  const view = useRunView((state) => state.byAsset[asset.id]);

  const settings$ = useApiResource<CheckSettings>(asset.id, () => api.call('checks.settings.get', { assetId: asset.id }));
  const latest$ = useApiResource<Latest[]>(asset.id, () => api.call('checks.latest', { assetId: asset.id }));
  const results$ = useApiResource<CheckResultSummary[]>(asset.id, () =>
    api.call('checks.results', { assetId: asset.id, limit: Math.min(1000, Math.max(RESULTS_WINDOW, shown)) }),
  );
  const hostKeys$ = useApiResource<SshHostKey[]>('all', () => api.call('sshHostKeys.list', {}));
  const { reload: reloadLatest } = latest$;
  const { reload: reloadResults } = results$;
  const { reload: reloadSettings } = settings$;
  const { reload: reloadHostKeys } = hostKeys$;

  useEffect(() => {
    connectCheckRuns();
    void loadCatalog();
  }, [loadCatalog]);

  useRecordsChanged(['checkResult', 'checkRun'], () => {
    reloadLatest();
    reloadResults();
  });
  useRecordsChanged(['sshHostKey'], reloadHostKeys);
  useRecordsChanged(['checkSettings', 'asset'], reloadSettings);

  const address = settings$.data?.address ?? asset.managementIps[0] ?? null;
  const pendingKeys = (hostKeys$.data ?? []).filter((key) => key.pendingFingerprint !== null && address !== null && key.address === address);
  const running = view?.running ?? false;

  async function runNow() {
    setStarting(true);
    setStartError(null);
    try {
      await start({ assetIds: [asset.id] }, kinds, { assetId: asset.id }, asset.name);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  }

  async function cancelRun(runId: string) {
    try {
      await cancel(runId);
    } catch (error) {
      setStartError(error);
    }
  }

  return (
    <Section
      title={t('checks.asset.title')}
      action={
        <>
          <Button size="small" startIcon={<TuneIcon />} onClick={() => setDialog('settings')}>
            {t('checkSettings.open')}
          </Button>
          <Button size="small" startIcon={<ContentPasteIcon />} onClick={() => setDialog('captured')}>
            {t('captured.open')}
          </Button>
        </>
      }
    >
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {address ? t('checks.asset.intro', { address }) : t('checks.asset.noAddress')}
        </Typography>
        {pendingKeys.map((key) => (
          <HostKeyBanner key={`${key.address}:${key.port}`} hostKey={key} onAccepted={reloadHostKeys} />
        ))}
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <KindPicker value={kinds} onChange={setKinds} disabled={running} />
          <Button variant="contained" startIcon={<PlayArrowIcon />} loading={starting} disabled={running || kinds.length === 0} onClick={() => void runNow()} sx={{ mb: 0.5 }}>
            {t('checks.runNow')}
          </Button>
        </Stack>
        {startError ? <ErrorAlert title={t('checks.startFailed')} error={startError} /> : null}
        {view ? <RunProgress view={view} label={t('checks.progress.assetLabel', { name: asset.name })} onCancel={() => void cancelRun(view.run.id)} /> : null}
        <Divider />
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1 }}>
            {t('checks.latest.title')}
          </Typography>
          {latest$.error ? <ErrorAlert error={latest$.error} action={{ label: t('app.retry'), run: reloadLatest }} /> : null}
          {latest$.data ? <LatestValues assetId={asset.id} metrics={latest$.data} results={results$.data} /> : null}
        </Box>
        <Divider />
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1 }}>
            {t('checks.results.title')}
          </Typography>
          {results$.error ? <ErrorAlert error={results$.error} action={{ label: t('app.retry'), run: reloadResults }} /> : null}
          {results$.data ? (
            <ResultsList
              results={results$.data.slice(0, shown)}
              more={results$.data.length > shown || (results$.data.length >= RESULTS_WINDOW && shown < 1000)}
              onMore={() => {
                setShown((value) => value + RESULTS_PAGE);
                if (shown + RESULTS_PAGE > results$.data!.length) reloadResults();
              }}
            />
          ) : null}
        </Box>
      </Stack>
      {dialog === 'settings' ? <CheckSettingsDialog asset={asset} onClose={() => setDialog(null)} onSaved={reloadSettings} /> : null}
      {dialog === 'captured' ? <CapturedOutputDialog assetId={asset.id} assetName={asset.name} onClose={() => setDialog(null)} /> : null}
    </Section>
  );
}
