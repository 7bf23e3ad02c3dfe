import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResultSummary } from '@shared/domain/checks';
import { useCheckCatalog } from '../check-catalog.store';
import { formatDuration, formatShortDateTime, stepLabel } from '../check-format';
import { ResultProblem, ViewResultButton } from '../ui/ResultCells';
import { ResultDialog } from '../ui/ResultDialog';
import { CheckStatusChip } from '../ui/StatusChip';

/** The results kept as evidence, newest first; each opens with its raw output and parsed values. */
export function ResultsList({ results, more, onMore }: { results: readonly CheckResultSummary[]; more: boolean; onMore(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const profiles = useCheckCatalog((state) => state.profiles);
  const [open, setOpen] = useState<string | null>(null);

  if (results.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('checks.results.empty')}
      </Typography>
    );
  }

  return (
    <>
      <TableContainer>
        <Table size="small" aria-label={t('checks.results.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('checks.results.columns.status')}</TableCell>
              <TableCell>{t('checks.results.columns.step')}</TableCell>
              <TableCell>{t('checks.results.columns.when')}</TableCell>
              <TableCell>{t('checks.results.columns.error')}</TableCell>
              <TableCell align="right">{t('checks.results.columns.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {results.map((result) => {
              const step = stepLabel(result.profileId, result.step, profiles, language);
              const when = formatShortDateTime(result.startedAt, language);
              const viewLabel = t('checks.results.viewFor', { step, when });
              return (
                <TableRow key={result.id} hover>
                  <TableCell>
                    <CheckStatusChip status={result.status} />
                  </TableCell>
                  <TableCell sx={{ minWidth: 150 }}>
                    {step}
                    <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {t(`checks.kinds.${result.kind}`)}
                      {result.kind === 'captured' ? '' : ` · ${result.target}`}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {when}
                    <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {formatDuration(result.durationMs, language)}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ minWidth: 180 }}>
                    <ResultProblem result={result} />
                  </TableCell>
                  <TableCell align="right">
                    <ViewResultButton label={viewLabel} onClick={() => setOpen(result.id)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {more ? (
        <Box sx={{ mt: 1 }}>
          <Button size="small" onClick={onMore}>
            {t('checks.results.more')}
          </Button>
        </Box>
      ) : null}
      {open ? <ResultDialog resultId={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
