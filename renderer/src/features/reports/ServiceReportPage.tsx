import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the service report editor. */
export function ServiceReportPage() {
  const { t } = useTranslation();
  return <Typography variant="h5" component="h1">{t('nav.reports')}</Typography>;
}
