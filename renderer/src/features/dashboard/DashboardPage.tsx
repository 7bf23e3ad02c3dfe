import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the dashboard feature. */
export function DashboardPage() {
  const { t } = useTranslation();
  return <Typography variant="h5" component="h1">{t('nav.dashboard')}</Typography>;
}
