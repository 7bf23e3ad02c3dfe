import { Alert, Button, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNotices } from './notices.store';
import { reportError } from './report-error';

/**
 * The app-wide snackbar for errors, confirmations and Undo. Errors stay until
 * dismissed (the engineer may need to read the code out to support); an Undo
 * offer stays long enough to reach.
 */
export function NoticeSnackbar() {
  const { t } = useTranslation();
  const notice = useNotices((state) => state.queue[0]);
  const dismiss = useNotices((state) => state.dismiss);
  if (!notice) return null;

  const close = () => dismiss(notice.id);
  const runAction = async () => {
    close();
    try {
      await notice.action?.run();
    } catch (error) {
      reportError(error);
    }
  };
  const action = notice.action ? (
    <Button color="inherit" size="small" onClick={() => void runAction()} sx={{ fontWeight: 700 }}>
      {notice.action.label}
    </Button>
  ) : undefined;

  return (
    <Snackbar
      // A new key per notice restarts the timer and the enter transition.
      key={notice.id}
      open
      autoHideDuration={notice.severity === 'error' ? null : notice.action ? 10_000 : 5_000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') close();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      {...(notice.severity === 'error' ? {} : { message: notice.text, action })}
    >
      {notice.severity === 'error' ? (
        <Alert severity="error" variant="filled" onClose={close} slotProps={{ closeButton: { 'aria-label': t('app.dismiss') } }}>
          {notice.code ? t('errors.withCode', { message: notice.text, code: notice.code }) : notice.text}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
