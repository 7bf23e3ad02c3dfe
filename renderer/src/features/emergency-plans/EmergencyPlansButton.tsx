import CrisisAlertIcon from '@mui/icons-material/CrisisAlert';
import { IconButton, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/**
 * Emergency plans, one click from anywhere: the red button in the top bar.
 * It opens the list, where the plans of every client are grouped and
 * searchable (the app has no "current site" to jump to yet).
 */
export function EmergencyPlansButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname === '/plans' || pathname.startsWith('/plans/');
  const label = t('plans.button');
  return (
    <Tooltip title={label}>
      <IconButton
        aria-label={label}
        aria-current={active ? 'page' : undefined}
        onClick={() => void navigate('/plans')}
        sx={{
          mr: 1,
          color: 'common.white',
          bgcolor: 'error.main',
          '&:hover': { bgcolor: 'error.dark' },
          '&.Mui-focusVisible, &:focus-visible': { outline: '2px solid', outlineColor: 'common.white', outlineOffset: 2 },
        }}
      >
        <CrisisAlertIcon />
      </IconButton>
    </Tooltip>
  );
}
