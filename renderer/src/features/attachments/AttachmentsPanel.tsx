import CloseIcon from '@mui/icons-material/Close';
import PhotoCameraOutlinedIcon from '@mui/icons-material/PhotoCameraOutlined';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentOwnerType } from '@shared/domain/attachments';
import { api } from '../../api';
import { describeError } from '../../app/errors/describe-error';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { reportError } from '../../app/errors/report-error';
import { formatBytes } from '../../i18n/format';
import { downloadFile } from '../asset-transfer/download-file';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import { announce } from '../assets/confirmations';
import { Section } from '../assets/detail/Section';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { capturedFileName, imageExtension, uploadErrorText } from './attachment-files';
import { AttachmentPreviewDialog } from './AttachmentPreviewDialog';
import { FileChip, ImageTile } from './AttachmentTiles';
import { CameraCaptureDialog } from './CameraCaptureDialog';
import { useAttachmentUploads, type PendingUpload } from './use-attachment-uploads';
import { useCameraAvailable } from './use-camera-available';

/** Image types a browser shows by itself, so they can be previewed even without a thumbnail (WebP). */
const BROWSER_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

interface Props {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  /** Shows and downloads only: no drop zone, no delete (a closed record, a supervisor's view). */
  readOnly?: boolean;
}

/**
 * 附件: the photos and files of one record. Files arrive by drag and drop,
 * the file button, pasting (a screenshot with Ctrl+V while the panel has
 * focus) or the laptop camera. Images show as thumbnails that open a preview;
 * other files as chips that download. Core checks size and type; its
 * refusals stay listed with the file's name until dismissed.
 */
export function AttachmentsPanel({ ownerType, ownerId, readOnly = false }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const dropZoneRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const [cameraOpen, setCameraOpen] = useState(false);
  const [preview, setPreview] = useState<number | null>(null);
  const [toDelete, setToDelete] = useState<Attachment | null>(null);
  const cameraAvailable = useCameraAvailable();

  const { data, error, reload } = useApiResource<Attachment[]>(`${ownerType}:${ownerId}`, () => api.call('attachments.list', { ownerType, ownerId }));
  useRecordsChanged(['attachment'], reload);
  const uploads = useAttachmentUploads({ ownerType, ownerId }, (attachment) => {
    reload();
    announce(t('attachments.uploaded', { name: attachment.fileName }));
  });

  // The dialog hands focus back to the delete button, which goes away when the list reloads: keep focus in the panel.
  const refocusAfterReload = useRef(false);
  useEffect(() => {
    if (!refocusAfterReload.current) return;
    refocusAfterReload.current = false;
    if (document.activeElement === null || document.activeElement === document.body) dropZoneRef.current?.focus();
  }, [data]);

  const attachments = data ?? [];
  const isImageTile = (attachment: Attachment) =>
    attachment.kind === 'image' && (attachment.thumbnailSha256 !== null || BROWSER_IMAGES.has(attachment.mimeType));
  const images = attachments.filter(isImageTile);
  const files = attachments.filter((attachment) => !isImageTile(attachment));
  const editable = !readOnly;

  async function download(attachment: Attachment) {
    try {
      downloadFile(await api.call('attachments.content', { id: attachment.id }));
    } catch (caught) {
      reportError(caught);
    }
  }

  async function remove(attachment: Attachment) {
    await api.call('attachments.delete', { id: attachment.id });
    refocusAfterReload.current = true;
    reload();
    announce(t('attachments.deleted', { name: attachment.fileName }), {
      severity: 'info',
      action: {
        label: t('attachments.undo'),
        run: async () => {
          await api.call('attachments.restore', { id: attachment.id });
          reload();
          announce(t('attachments.restored', { name: attachment.fileName }));
        },
      },
    });
  }

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  const onDragOver = (event: DragEvent) => {
    if (!editable || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const onDragLeave = (event: DragEvent) => {
    // Moving over a child fires dragleave on the parent too; only leaving the zone counts.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };

  const onDrop = (event: DragEvent) => {
    if (!editable || !hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    uploads.add([...event.dataTransfer.files]);
  };

  const onPaste = (event: ClipboardEvent) => {
    if (!editable) return;
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0) return;
    event.preventDefault();
    // A screenshot from the clipboard is called "image.png" by the browser; name it by time instead.
    const at = new Date();
    uploads.add(
      pasted.map((file, index) =>
        file.type.startsWith('image/') && /^image\.\w+$|^$/.test(file.name)
          ? new File([file], capturedFileName(`${t('attachments.pastedLabel')}${pasted.length > 1 ? ` ${index + 1}` : ''}`, at, imageExtension(file.type)), { type: file.type })
          : file,
      ),
    );
  };

  return (
    <Section title={attachments.length > 0 ? t('attachments.titleWithCount', { count: attachments.length }) : t('attachments.title')}>
      <Box onPaste={onPaste} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
        <Stack spacing={1.5}>
          {editable ? (
            <Box
              ref={dropZoneRef}
              tabIndex={0}
              role="region"
              aria-label={t('attachments.dropZoneLabel')}
              aria-describedby={hintId}
              sx={{
                border: 2,
                borderStyle: 'dashed',
                borderColor: dragging ? 'primary.main' : 'divider',
                bgcolor: dragging ? 'action.hover' : 'transparent',
                borderRadius: 1,
                p: 2,
                outline: 'none',
                '&:focus-visible': { borderColor: 'primary.main', borderStyle: 'solid' },
              }}
            >
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ alignItems: { sm: 'center' }, flexWrap: 'wrap' }}>
                <Box sx={{ flex: 1, minWidth: 200 }}>
                  <Typography variant="body2">{dragging ? t('attachments.dropNow') : t('attachments.dropHint')}</Typography>
                  <Typography id={hintId} variant="caption" color="text.secondary">
                    {t('attachments.limitHint', { limit: formatBytes(MAX_ATTACHMENT_BYTES, language) })}
                  </Typography>
                </Box>
                <Stack direction="row" spacing={1}>
                  <Button size="small" variant="outlined" startIcon={<UploadFileIcon />} onClick={() => inputRef.current?.click()}>
                    {t('attachments.chooseFiles')}
                  </Button>
                  {cameraAvailable ? (
                    <Button size="small" variant="outlined" startIcon={<PhotoCameraOutlinedIcon />} onClick={() => setCameraOpen(true)}>
                      {t('attachments.takePhoto')}
                    </Button>
                  ) : null}
                </Stack>
              </Stack>
              <input
                ref={inputRef}
                type="file"
                multiple
                hidden
                accept={ATTACHMENT_ACCEPT}
                aria-label={t('attachments.chooseFiles')}
                onChange={(event) => {
                  uploads.add([...(event.target.files ?? [])]);
                  event.target.value = '';
                }}
              />
            </Box>
          ) : null}

          {uploads.pending.length > 0 ? (
            <Stack spacing={1} aria-live="polite" aria-label={t('attachments.uploadsLabel')}>
              {uploads.pending.map((item) => (
                <PendingRow key={item.key} item={item} onDismiss={() => uploads.dismiss(item.key)} />
              ))}
            </Stack>
          ) : null}

          {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
          {data !== null && attachments.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('attachments.empty')}
            </Typography>
          ) : null}

          {images.length > 0 ? (
            <Box
              component="ul"
              aria-label={t('attachments.imagesLabel')}
              sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))' }}
            >
              {images.map((attachment, index) => (
                <li key={attachment.id}>
                  <ImageTile attachment={attachment} onOpen={() => setPreview(index)} onDelete={editable ? () => setToDelete(attachment) : undefined} />
                </li>
              ))}
            </Box>
          ) : null}

          {files.length > 0 ? (
            <Box component="ul" aria-label={t('attachments.filesLabel')} sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              {files.map((attachment) => (
                <li key={attachment.id} style={{ minWidth: 0 }}>
                  <FileChip attachment={attachment} onOpen={() => void download(attachment)} onDelete={editable ? () => setToDelete(attachment) : undefined} />
                </li>
              ))}
            </Box>
          ) : null}
        </Stack>
      </Box>

      {cameraOpen ? <CameraCaptureDialog onCapture={(file) => uploads.add([file])} onClose={() => setCameraOpen(false)} /> : null}
      {preview !== null && images[preview] ? (
        <AttachmentPreviewDialog images={images} index={preview} onIndexChange={setPreview} onDownload={(attachment) => void download(attachment)} onClose={() => setPreview(null)} />
      ) : null}
      {toDelete ? (
        <ConfirmDialog
          title={t('attachments.deleteTitle')}
          body={t('attachments.deleteBody', { name: toDelete.fileName })}
          confirmLabel={t('attachments.delete')}
          cancelLabel={t('attachments.cancel')}
          onConfirm={() => remove(toDelete)}
          onClose={() => setToDelete(null)}
        />
      ) : null}
    </Section>
  );
}

function PendingRow({ item, onDismiss }: { item: PendingUpload; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  if (item.state === 'failed') {
    const text = uploadErrorText(item.error, item.fileName, t, i18n.language) ?? `${item.fileName}: ${describeError(item.error, t).text}`;
    return (
      <Alert
        severity="error"
        action={
          <IconButton size="small" color="inherit" aria-label={t('attachments.dismiss', { name: item.fileName })} onClick={onDismiss}>
            <CloseIcon fontSize="small" />
          </IconButton>
        }
      >
        {text}
      </Alert>
    );
  }
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Typography variant="body2" noWrap sx={{ minWidth: 0 }}>
          {item.fileName}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {item.state === 'uploading' ? t('attachments.uploading') : t('attachments.waiting')} · {formatBytes(item.sizeBytes, i18n.language)}
        </Typography>
      </Stack>
      {item.state === 'uploading' ? <LinearProgress aria-label={t('attachments.uploadingFile', { name: item.fileName })} /> : null}
    </Box>
  );
}
