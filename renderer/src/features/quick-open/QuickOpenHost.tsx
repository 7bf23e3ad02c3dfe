import SearchIcon from '@mui/icons-material/Search';
import { IconButton, Tooltip } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAssetForm } from '../assets/asset-form.store';
import { useQuickOpen } from './quick-open.store';
import { QuickOpenDialog } from './QuickOpenDialog';
import { isEditable, ScannerBurst } from './scanner-input';

/** The app bar's search button: the same as Ctrl+K. */
export function QuickOpenButton() {
  const { t } = useTranslation();
  const show = useQuickOpen((state) => state.show);
  return (
    <Tooltip title={t('quickOpen.open')}>
      <IconButton color="inherit" aria-label={t('quickOpen.open')} aria-keyshortcuts="Control+K" onClick={() => show()} sx={{ mr: 1 }}>
        <SearchIcon />
      </IconButton>
    </Tooltip>
  );
}

/**
 * Installs Ctrl+K (⌘K on a Mac) and the scanner catcher for the whole app,
 * and renders the quick open dialog. Rendered once by the app shell.
 */
export function QuickOpenHost() {
  const navigate = useNavigate();
  const open = useQuickOpen((state) => state.open);
  const serial = useQuickOpen((state) => state.serial);
  const initialText = useQuickOpen((state) => state.initialText);
  const show = useQuickOpen((state) => state.show);
  const hide = useQuickOpen((state) => state.hide);
  const openForm = useAssetForm((state) => state.open);

  useEffect(() => {
    const burst = new ScannerBurst();
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (!useQuickOpen.getState().open) show();
        return;
      }
      // A scanner typing into a text field fills that field, as it should; elsewhere it opens quick open.
      if (useQuickOpen.getState().open || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) {
        burst.reset();
        return;
      }
      const code = burst.key(event.key, event.timeStamp);
      if (code !== null) {
        event.preventDefault();
        show(code);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show]);

  if (!open) return null;
  return (
    <QuickOpenDialog
      key={serial}
      initialText={initialText}
      onClose={hide}
      onOpenAsset={(id) => {
        hide();
        void navigate(`/assets/${id}`);
      }}
      onCreateWithTag={(tag) => {
        hide();
        openForm({ mode: 'create', prefill: { assetTag: tag }, openAfterCreate: true });
      }}
    />
  );
}
