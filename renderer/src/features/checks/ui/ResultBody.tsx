import { Alert, Box, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '@shared/domain/checks';
import { useCheckCatalog } from '../check-catalog.store';
import { errorText, formatDateTimeSeconds, formatDuration, formatMetricValue, lookup, metricLabel, profileLabel, stepLabel, storedUnit } from '../check-format';
import { ParsedTree } from './ParsedTree';
import { RawOutput } from './RawOutput';
import { CheckStatusChip } from './StatusChip';

/** Everything one result keeps as evidence: what ran, how it went, the device's words and what Walkdown read from them. */
export function ResultBody({ result }: { result: CheckResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const profiles = useCheckCatalog((state) => state.profiles);
  const metrics = Object.entries(result.metrics);
  const facts: [string, string][] = [
    [t('checks.result.kind'), t(`checks.kinds.${result.kind}`)],
    [t('checks.result.profile'), profileLabel(result.profileId, profiles, language, t)],
    [t('checks.result.step'), stepLabel(result.profileId, result.step, profiles, language)],
    ...(result.method ? ([[t('checks.result.method'), lookup(t, `checks.methods.${result.method}`, result.method)]] as [string, string][]) : []),
    ...(result.kind === 'captured' ? [] : ([[t('checks.result.target'), result.target]] as [string, string][])),
    [t('checks.result.started'), formatDateTimeSeconds(result.startedAt, language)],
    [t('checks.result.duration'), formatDuration(result.durationMs, language)],
  ];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {t('checks.result.status')}
        </Typography>
        <CheckStatusChip status={result.status} />
      </Stack>
      {result.errorCode || result.errorMessage ? (
        <Alert severity={result.status === 'error' ? 'error' : 'warning'}>
          {errorText(result.errorCode, result.errorMessage, t)}
          {result.errorCode ? ` (${result.errorCode})` : ''}
        </Alert>
      ) : null}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(7em, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {facts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      {metrics.length > 0 ? (
        <Box>
          <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 0.5 }}>
            {t('checks.result.metrics')}
          </Typography>
          <TableContainer>
            <Table size="small" aria-label={t('checks.result.metrics')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('checks.latest.columns.metric')}</TableCell>
                  <TableCell>{t('checks.latest.columns.value')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {metrics.map(([name, value]) => (
                  <TableRow key={name}>
                    <TableCell>
                      {metricLabel(name, t)}
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1, fontFamily: 'monospace' }}>
                        {name}
                      </Typography>
                    </TableCell>
                    <TableCell>{formatMetricValue(value, storedUnit(result.units, name), language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      ) : null}
      <Box>
        <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 0.5 }}>
          {t('checks.result.parsed')}
        </Typography>
        {result.parsed === null || result.parsed === undefined ? (
          <Typography variant="body2" color="text.secondary">
            {t('checks.result.noParsed')}
          </Typography>
        ) : (
          <ParsedTree value={result.parsed} label={t('checks.result.parsed')} />
        )}
      </Box>
      <Box>
        <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 0.5 }}>
          {t('checks.result.raw')}
        </Typography>
        {result.rawOutput === '' ? (
          <Typography variant="body2" color="text.secondary">
            {t('checks.result.noRaw')}
          </Typography>
        ) : (
          <RawOutput text={result.rawOutput} label={t('checks.result.raw')} />
        )}
      </Box>
    </Stack>
  );
}
