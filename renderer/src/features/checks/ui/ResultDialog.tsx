import { Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '@shared/domain/checks';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useApiResource } from '../../assets/use-api-resource';
import { useCheckCatalog } from '../check-catalog.store';
import { ResultBody } from './ResultBody';

/** One stored result with its raw output and parsed values, opened from a results list. */
export function ResultDialog({ resultId, onClose }: { resultId: string; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const loadCatalog = useCheckCatalog((state) => state.load);
  const { data, error, reload } = useApiResource<CheckResult>(resultId, () => api.call('checks.result', { id: resultId }));

  useEffect(() => {
    void loadCatalog();
  }, [loadCatalog]);

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{t('checks.result.title')}</DialogTitle>
      <DialogContent dividers>
        {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
        {data ? (
          <ResultBody result={data} />
        ) : error ? null : (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress aria-label={t('app.loading')} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('checks.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
