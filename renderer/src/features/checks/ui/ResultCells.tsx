import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { IconButton, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CheckResultSummary } from '@shared/domain/checks';
import { errorText } from '../check-format';

/** Why a result is not ok: the translated message, with the stable code under it for a search or a support call. */
export function ResultProblem({ result }: { result: Pick<CheckResultSummary, 'errorCode' | 'errorMessage'> }) {
  const { t } = useTranslation();
  if (!result.errorCode && !result.errorMessage) return null;
  return (
    <>
      {errorText(result.errorCode, result.errorMessage, t)}
      {result.errorCode ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', fontFamily: 'monospace' }}>
          {result.errorCode}
        </Typography>
      ) : null}
    </>
  );
}

/** Opens a result's evidence; named after the step and time, so a screen reader tells the rows apart. */
export function ViewResultButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        <VisibilityOutlinedIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
