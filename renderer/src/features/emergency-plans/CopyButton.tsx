import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../../app/errors/report-error';
import { announce } from '../assets/confirmations';

/**
 * Copies a phone number. The app blocks navigation, so a tel: link would do
 * nothing; the number is shown as text and copied for the softphone or the
 * mobile in the engineer's hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await writeClipboard(text);
      setCopied(true);
      announce(t('plans.copied', { text }));
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Tooltip title={copied ? t('plans.copiedShort') : label}>
      <IconButton size="small" aria-label={label} onClick={() => void copy()} className="plans-print-hidden">
        {copied ? <CheckIcon fontSize="small" color="success" /> : <ContentCopyIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
}

/** The async clipboard where the page may use it; the older copy command otherwise (a page served over plain http). */
async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission refused: try the older way below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const previous = document.activeElement as HTMLElement | null;
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  previous?.focus();
  if (!done) throw new Error('The clipboard is not available');
}
