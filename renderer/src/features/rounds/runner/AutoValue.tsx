import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, CircularProgress, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundEntry } from '@shared/domain/rounds';
import { metricLabel } from '../../checks/check-format';
import { ResultDialog } from '../../checks/ui/ResultDialog';
import { entryValueText } from '../round-format';
import type { RunnerRow } from './runner-model';

/**
 * An automatic item: the reading a device check brought back (or the config
 * comparison), with Run / Run again for this item alone and the check result
 * as its evidence.
 */
export function AutoValue({ row, entry, running, locked, onRun }: { row: RunnerRow; entry: RoundEntry | undefined; running: boolean; locked: boolean; onRun(): void }) {
  const { t, i18n } = useTranslation();
  const [resultId, setResultId] = useState<string | null>(null);
  const spec = row.item.spec;
  const source = spec.type === 'auto' ? metricLabel(spec.binding.metric, t) : t('rounds.runner.configSource');
  const evidence = entry?.value.type === 'auto' ? entry.value.checkResultId : null;
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <Stack>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {entry ? entryValueText(entry.value, row.item, t, i18n.language) : t('rounds.runner.notRunYet')}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {source}
        </Typography>
      </Stack>
      {evidence ? (
        <Link component="button" type="button" variant="body2" onClick={() => setResultId(evidence)}>
          {t('rounds.runner.viewResult')}
        </Link>
      ) : null}
      {locked ? null : running ? (
        <CircularProgress size={20} aria-label={t('rounds.runner.running', { item: row.item.label })} />
      ) : (
        <Button
          size="small"
          variant="outlined"
          startIcon={entry ? <ReplayIcon /> : <PlayArrowIcon />}
          onClick={onRun}
          aria-label={entry ? t('rounds.runner.runAgainFor', { item: row.item.label }) : t('rounds.runner.runFor', { item: row.item.label })}
        >
          {entry ? t('rounds.runner.runAgain') : t('rounds.runner.run')}
        </Button>
      )}
      {resultId ? <ResultDialog resultId={resultId} onClose={() => setResultId(null)} /> : null}
    </Stack>
  );
}
