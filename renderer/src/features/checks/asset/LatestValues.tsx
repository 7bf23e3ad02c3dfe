import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Box, Stack, Typography } from '@mui/material';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@shared/api';
import type { CheckResultSummary, CheckStatus } from '@shared/domain/checks';
import { formatDateTime } from '../../../i18n/format';
import { useCheckCatalog } from '../check-catalog.store';
import { formatMetricValue, metricLabel, profileLabel, statusTone, worseStatus } from '../check-format';
import { CheckStatusChip } from '../ui/StatusChip';
import { MetricHistoryDialog, MetricTrend } from './MetricTrend';

type Latest = MethodOutput<'checks.latest'>[number];

interface Group {
  profileId: string;
  metrics: Latest[];
  /** When the newest value of the group was measured. */
  at: number;
}

/** Latest values grouped by the profile that measured them, in the order profiles are first seen, metrics by name. */
export function groupByProfile(metrics: readonly Latest[]): Group[] {
  const groups = new Map<string, Latest[]>();
  for (const metric of metrics) {
    const list = groups.get(metric.profileId) ?? [];
    list.push(metric);
    groups.set(metric.profileId, list);
  }
  return [...groups.entries()].map(([profileId, list]) => ({
    profileId,
    metrics: list.sort((a, b) => a.name.localeCompare(b.name)),
    at: Math.max(...list.map((metric) => metric.at)),
  }));
}

/** A value measured this much before the newest of its group says when, on its own tile. */
const OLDER_THAN_GROUP_MS = 60_000;
/** Text this long gets a double-width tile (a sysDescr, a list of failed fans). */
const LONG_TEXT = 28;

/**
 * The newest value of each metric, grouped by the profile that measured it.
 * Each tile gives the value with its unit, the status of the result that
 * measured it (word and colour), and a trend for numbers.
 */
export function LatestValues({ assetId, metrics, results }: { assetId: string; metrics: readonly Latest[]; results: readonly CheckResultSummary[] | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const profiles = useCheckCatalog((state) => state.profiles);
  const [history, setHistory] = useState<Latest | null>(null);
  const groups = useMemo(() => groupByProfile(metrics), [metrics]);
  const statusOf = useMemo(() => new Map<string, CheckStatus>((results ?? []).map((result) => [result.id, result.status])), [results]);

  if (metrics.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('checks.latest.empty')}
      </Typography>
    );
  }

  return (
    <Stack spacing={1}>
      {groups.map((group) => {
        const title = profileLabel(group.profileId, profiles, language, t);
        const statuses = group.metrics.map((metric) => statusOf.get(metric.resultId)).filter((status): status is CheckStatus => status !== undefined);
        const worst = statuses.length > 0 ? statuses.reduce(worseStatus) : null;
        return (
          <ProfileGroup key={group.profileId} title={title} count={group.metrics.length} at={formatDateTime(group.at, language)} worst={worst}>
            <Box
              component="ul"
              aria-label={t('checks.latest.groupLabel', { profile: title })}
              sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1 }}
            >
              {group.metrics.map((metric) => (
                <MetricTile
                  key={metric.name}
                  assetId={assetId}
                  metric={metric}
                  status={statusOf.get(metric.resultId) ?? null}
                  measuredAt={group.at - metric.at > OLDER_THAN_GROUP_MS ? formatDateTime(metric.at, language) : null}
                  onOpen={() => setHistory(metric)}
                />
              ))}
            </Box>
          </ProfileGroup>
        );
      })}
      {history ? <MetricHistoryDialog assetId={assetId} metric={history} label={metricLabel(history.name, t)} onClose={() => setHistory(null)} /> : null}
    </Stack>
  );
}

function ProfileGroup({ title, count, at, worst, children }: { title: string; count: number; at: string; worst: CheckStatus | null; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Accordion defaultExpanded disableGutters variant="outlined" sx={{ '&::before': { display: 'none' }, borderRadius: 1 }} slotProps={{ heading: { component: 'h4' } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} id={headingId} sx={{ minHeight: 44, '& .MuiAccordionSummary-content': { my: 0.75 } }}>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" component="span">
            {title}
          </Typography>
          {worst && worst !== 'ok' ? <CheckStatusChip status={worst} /> : null}
          <Typography variant="caption" color="text.secondary" component="span">
            {t('checks.latest.groupFacts', { count, when: at })}
          </Typography>
        </Stack>
      </AccordionSummary>
      <AccordionDetails sx={{ pt: 0 }}>{children}</AccordionDetails>
    </Accordion>
  );
}

function MetricTile({ assetId, metric, status, measuredAt, onOpen }: { assetId: string; metric: Latest; status: CheckStatus | null; measuredAt: string | null; onOpen(): void }) {
  const { t, i18n } = useTranslation();
  const label = metricLabel(metric.name, t);
  const value = formatMetricValue(metric.value, metric.unit, i18n.language);
  const tone = status ? statusTone(status).color : 'default';
  const accent = tone === 'default' ? 'divider' : `${tone}.main`;
  const numeric = typeof metric.value === 'number';
  return (
    <Box
      component="li"
      data-metric={metric.name}
      sx={{
        gridColumn: !numeric && value.length > LONG_TEXT ? 'span 2' : undefined,
        display: 'flex',
        alignItems: 'flex-start',
        gap: 1,
        p: 1,
        pl: 1.25,
        minWidth: 0,
        border: 1,
        borderColor: 'divider',
        borderLeft: 4,
        borderLeftColor: accent,
        borderRadius: 1,
      }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" component="div" title={metric.name} sx={{ lineHeight: 1.3 }}>
          {label}
        </Typography>
        <Typography data-part="value" variant="body1" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', overflowWrap: 'break-word', color: value === '' ? 'text.secondary' : undefined }}>
          {value === '' ? t('checks.parsed.emptyList') : value}
        </Typography>
        <Typography data-part="status" variant="caption" component="div" sx={{ color: tone === 'default' ? 'text.secondary' : `${tone}.main`, fontWeight: status && status !== 'ok' ? 600 : undefined }}>
          {status ? t(`checks.statuses.${status}`) : null}
          {measuredAt ? (
            <Box component="span" sx={{ color: 'text.secondary', fontWeight: 'normal' }}>
              {status ? ' · ' : ''}
              {measuredAt}
            </Box>
          ) : null}
        </Typography>
      </Box>
      {numeric ? <MetricTrend assetId={assetId} metric={metric} label={label} onOpen={onOpen} /> : null}
    </Box>
  );
}
