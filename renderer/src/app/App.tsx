import { HashRouter } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FirstStartDialog } from '../features/profile/FirstStartDialog';
import { AppShell } from './AppShell';
import { AppThemeProvider } from './AppThemeProvider';
import { ErrorBoundary } from './errors/ErrorBoundary';
import { NoticeSnackbar } from './errors/NoticeSnackbar';
import { RecoveryScreen } from './RecoveryScreen';
import { useSession } from './session.store';
import { StartFailedScreen, StartingScreen } from './StartScreens';

/**
 * Start-up decides what the window is: the console, the recovery screen (the
 * database could not be opened safely) or a failure to reach core at all.
 */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const theme = session.info?.settings.theme ?? 'system';

  return (
    <AppThemeProvider theme={theme}>
      <ErrorBoundary title={t('errors.title')} retryLabel={t('app.retry')}>
        {session.status === 'loading' ? <StartingScreen /> : null}
        {session.status === 'failed' ? <StartFailedScreen error={session.error} onRetry={() => void session.start()} /> : null}
        {session.status === 'ready' && session.info.mode === 'recovery' ? <RecoveryScreen info={session.info} /> : null}
        {session.status === 'ready' && session.info.mode === 'normal' ? (
          // Hash routing: the same bundle is loaded from file:// by Electron, where paths cannot be served.
          <HashRouter>
            <AppShell />
            {session.info.profile === null ? <FirstStartDialog /> : null}
          </HashRouter>
        ) : null}
      </ErrorBoundary>
      <NoticeSnackbar />
    </AppThemeProvider>
  );
}
