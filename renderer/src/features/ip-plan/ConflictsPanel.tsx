import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { Alert, AlertTitle, Box, Paper, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpConflict } from '@shared/domain/ip-plan';
import { AssetLinks } from './AssetLinks';

/** Addresses on two assets, and addresses outside every subnet of the site: what an engineer must clear up. */
export function ConflictsPanel({ conflicts, hasSubnets }: { conflicts: readonly IpConflict[]; hasSubnets: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const duplicates = conflicts.filter((conflict) => conflict.kind === 'duplicate');
  const outside = conflicts.filter((conflict) => conflict.kind === 'outside-subnets');
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <ReportProblemOutlinedIcon aria-hidden color={conflicts.length > 0 ? 'warning' : 'disabled'} />
        <Typography id={headingId} variant="h2" component="h2" sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
          {t('ipPlan.conflicts.title', { count: conflicts.length })}
        </Typography>
      </Stack>
      {conflicts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('ipPlan.conflicts.none')}
        </Typography>
      ) : (
        <Stack spacing={2}>
          {duplicates.length > 0 ? (
            <Alert severity="error" role="region" aria-label={t('ipPlan.conflicts.duplicateTitle')}>
              <AlertTitle>{t('ipPlan.conflicts.duplicateTitle')}</AlertTitle>
              <ConflictList conflicts={duplicates} describe={(conflict) => t('ipPlan.conflicts.duplicate', { count: conflict.assets.length })} />
            </Alert>
          ) : null}
          {outside.length > 0 ? (
            <Alert severity="warning" role="region" aria-label={t('ipPlan.conflicts.outsideTitle')}>
              <AlertTitle>{t('ipPlan.conflicts.outsideTitle')}</AlertTitle>
              {hasSubnets ? null : (
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {t('ipPlan.conflicts.outsideNoSubnets')}
                </Typography>
              )}
              <ConflictList conflicts={outside} describe={() => t('ipPlan.conflicts.outside')} />
            </Alert>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function ConflictList({ conflicts, describe }: { conflicts: readonly IpConflict[]; describe(conflict: IpConflict): string }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {conflicts.map((conflict) => (
        <Box component="li" key={`${conflict.kind}:${conflict.ip}`} sx={{ py: 0.25 }}>
          <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
            {conflict.ip}
          </Typography>
          <Typography component="span" variant="body2">
            {' — '}
            {describe(conflict)}{' '}
          </Typography>
          <AssetLinks assets={conflict.assets} />
        </Box>
      ))}
    </Box>
  );
}
