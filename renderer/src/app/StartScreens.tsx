import { Box, Button, CircularProgress, Container, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './errors/ErrorAlert';

export function StartingScreen() {
  const { t } = useTranslation();
  return (
    <Box role="status" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Stack spacing={2} sx={{ alignItems: 'center' }}>
        <CircularProgress aria-hidden />
        <Typography>{t('app.starting')}</Typography>
      </Stack>
    </Box>
  );
}

/** `system.info` failed: nothing can work, so say why (with the code) and offer to try again. */
export function StartFailedScreen({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ minHeight: '100vh', py: 8 }}>
      <Container maxWidth="sm">
        <Stack spacing={3}>
          <Typography variant="h1">{t('app.startFailed')}</Typography>
          <ErrorAlert error={error} />
          <Box>
            <Button variant="contained" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          </Box>
        </Stack>
      </Container>
    </Box>
  );
}
