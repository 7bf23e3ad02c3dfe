import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';

/**
 * Asks before unsaved edits are lost. The app uses a HashRouter, which has no
 * navigation blocker, so in-app links (the drawer, a link in the page) are
 * caught on their way in: a capture listener on the document sees the click
 * before React does and holds it until the user answers. The page's own
 * buttons call `confirmLeave`. Closing or reloading the tab asks through the
 * browser; Electron has no such prompt (it would silently refuse to close), so
 * there the window closes as asked.
 */
export function useUnsavedChangesGuard(active: boolean): { confirmLeave(leave: () => void): void; dialog: ReactNode } {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
  });

  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const href = anchor?.getAttribute('href');
      if (!href?.startsWith('#/') || href === window.location.hash || anchor?.getAttribute('target') === '_blank') return;
      event.preventDefault();
      event.stopPropagation();
      setPending(() => () => void navigate(href.slice(1)));
    };
    document.addEventListener('click', onClick, true);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    if (api.transport === 'web') window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active, navigate]);

  const confirmLeave = useCallback((leave: () => void) => {
    if (activeRef.current) setPending(() => leave);
    else leave();
  }, []);

  const leave = () => {
    const go = pending;
    setPending(null);
    go?.();
  };

  const dialog = pending ? (
    <Dialog open onClose={() => setPending(null)} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{t('app.unsaved.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('app.unsaved.body')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setPending(null)} autoFocus>
          {t('app.unsaved.stay')}
        </Button>
        <Button color="error" onClick={leave}>
          {t('app.unsaved.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  ) : null;

  return { confirmLeave, dialog };
}
