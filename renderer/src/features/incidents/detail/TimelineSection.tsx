import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@shared/domain/incidents';
import { formatDateTime } from '../../../i18n/format';
import { Section } from '../../assets/detail/Section';
import { describeTimelineEntry } from './timeline-text';

/** 时间线: everything that happened to the incident, oldest first, in the reader's language. */
export function TimelineSection({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  return (
    <Section title={t('incidents.timeline.title')}>
      {sorted.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('incidents.timeline.empty')}
        </Typography>
      ) : (
        <Box component="ol" aria-label={t('incidents.timeline.title')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {sorted.map((entry, index) => {
            const { text, detail } = describeTimelineEntry(entry, t, { language: i18n.language });
            return (
              <Box
                component="li"
                key={`${entry.at}-${entry.kind}-${index}`}
                sx={{ position: 'relative', pl: 3, pb: 1.5, '&::before': { content: '""', position: 'absolute', left: 6, top: 6, width: 8, height: 8, borderRadius: '50%', bgcolor: 'primary.main' }, '&:not(:last-child)::after': { content: '""', position: 'absolute', left: 9, top: 16, bottom: 0, width: 2, bgcolor: 'divider' } }}
              >
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'baseline' }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {text}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {entry.actor ? t('incidents.timeline.byAt', { actor: entry.actor, at: formatDateTime(entry.at, i18n.language) }) : formatDateTime(entry.at, i18n.language)}
                  </Typography>
                </Stack>
                {detail ? (
                  <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', mt: 0.25 }}>
                    {detail}
                  </Typography>
                ) : null}
              </Box>
            );
          })}
        </Box>
      )}
    </Section>
  );
}
