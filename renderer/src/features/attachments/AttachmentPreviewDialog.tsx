import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@shared/domain/attachments';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { base64ToBytes } from '../asset-transfer/download-file';

interface Props {
  /** The images of the record, in order; the arrows and ← → move between them. */
  images: readonly Attachment[];
  index: number;
  onIndexChange(index: number): void;
  onDownload(attachment: Attachment): void;
  onClose(): void;
}

/** One image at full size, loaded from core into a blob: URL that is revoked when it is replaced or the dialog closes. */
export function AttachmentPreviewDialog({ images, index, onIndexChange, onDownload, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const attachment = images[index];
  const [loaded, setLoaded] = useState<{ id: string; url: string | null; error: unknown } | null>(null);

  const id = attachment?.id;
  useEffect(() => {
    if (!id) return;
    let current = true;
    let url: string | null = null;
    api.call('attachments.content', { id }).then(
      (content) => {
        if (!current) return;
        url = URL.createObjectURL(new Blob([base64ToBytes(content.contentBase64)], { type: content.mimeType }));
        setLoaded({ id, url, error: null });
      },
      (error: unknown) => {
        if (current) setLoaded({ id, url: null, error });
      },
    );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);

  if (!attachment) return null;
  const shown = loaded?.id === attachment.id ? loaded : null;
  const hasPrevious = index > 0;
  const hasNext = index < images.length - 1;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft' && hasPrevious) onIndexChange(index - 1);
    else if (event.key === 'ArrowRight' && hasNext) onIndexChange(index + 1);
    else return;
    event.preventDefault();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth onKeyDown={onKeyDown}>
      <DialogTitle id={titleId} sx={{ wordBreak: 'break-all' }}>
        {attachment.fileName}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
          {[
            attachment.width && attachment.height ? `${attachment.width} × ${attachment.height}` : null,
            formatBytes(attachment.sizeBytes, i18n.language),
            formatDateTime(attachment.createdAt, i18n.language),
            images.length > 1 ? t('attachments.preview.position', { position: index + 1, total: images.length }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </DialogTitle>
      <DialogContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Tooltip title={t('attachments.preview.previous')}>
            <span>
              <IconButton aria-label={t('attachments.preview.previous')} disabled={!hasPrevious} onClick={() => onIndexChange(index - 1)}>
                <ChevronLeftIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Box sx={{ flex: 1, minHeight: 240, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            {shown?.error ? (
              <ErrorAlert error={shown.error} />
            ) : shown?.url ? (
              <Box component="img" src={shown.url} alt={attachment.note || attachment.fileName} sx={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain' }} />
            ) : (
              <CircularProgress aria-label={t('attachments.preview.loading')} />
            )}
          </Box>
          <Tooltip title={t('attachments.preview.next')}>
            <span>
              <IconButton aria-label={t('attachments.preview.next')} disabled={!hasNext} onClick={() => onIndexChange(index + 1)}>
                <ChevronRightIcon />
              </IconButton>
            </span>
          </Tooltip>
        </Stack>
        {attachment.note ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {attachment.note}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} onClick={() => onDownload(attachment)}>
          {t('attachments.download')}
        </Button>
        <Button onClick={onClose} autoFocus>
          {t('attachments.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
