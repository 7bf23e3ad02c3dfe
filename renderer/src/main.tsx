import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromLocale } from '@shared/domain/profile';
import { App } from './app/App';
import { installGlobalErrorHandlers } from './app/errors/global-error-handlers';
import { useSession } from './app/session.store';
import { initI18n } from './i18n/i18n';

// Until core reports the saved language, the browser's locale picks the start screen's language.
initI18n(languageFromLocale(navigator.language));
installGlobalErrorHandlers();
void useSession.getState().start();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
