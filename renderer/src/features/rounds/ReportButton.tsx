import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, CircularProgress, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@shared/domain/profile';
import { api } from '../../api';
import { reportError } from '../../app/errors/report-error';
import { downloadFile } from '../asset-transfer/download-file';

/** 巡检报告: one round as a PDF, in Chinese or English whatever the UI language (the client may read the other). */
export function ReportButton({ roundId, size = 'medium' }: { roundId: string; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (language: Language) => {
    setAnchor(null);
    setBusy(true);
    try {
      downloadFile(await api.call('rounds.report', { id: roundId, language }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size={size}
        variant="outlined"
        startIcon={busy ? <CircularProgress size={16} aria-hidden /> : <PictureAsPdfIcon />}
        disabled={busy}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        {t('rounds.report.button')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((language) => (
          <MenuItem key={language} onClick={() => void download(language)}>
            {t(`rounds.report.language.${language}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
