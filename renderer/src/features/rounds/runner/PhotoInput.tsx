import AddAPhotoIcon from '@mui/icons-material/AddAPhotoOutlined';
import CloseIcon from '@mui/icons-material/Close';
import PhotoCameraOutlinedIcon from '@mui/icons-material/PhotoCameraOutlined';
import { Alert, Box, Button, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@shared/domain/attachments';
import type { EntryValue, RoundEntry } from '@shared/domain/rounds';
import { api } from '../../../api';
import { describeError } from '../../../app/errors/describe-error';
import { reportError } from '../../../app/errors/report-error';
import { downloadFile } from '../../asset-transfer/download-file';
import { useApiResource } from '../../assets/use-api-resource';
import { uploadErrorText } from '../../attachments/attachment-files';
import { AttachmentPreviewDialog } from '../../attachments/AttachmentPreviewDialog';
import { ImageTile } from '../../attachments/AttachmentTiles';
import { CameraCaptureDialog } from '../../attachments/CameraCaptureDialog';
import { useAttachmentUploads } from '../../attachments/use-attachment-uploads';
import { useCameraAvailable } from '../../attachments/use-camera-available';
import { useRecordsChanged } from '../../checks/use-records-changed';

interface Props {
  roundId: string;
  label: string;
  entry: RoundEntry | undefined;
  locked: boolean;
  minPhotos: number;
  onSave(value: EntryValue): void;
}

/**
 * A photo item: photos from a file or the laptop camera. Each is stored as
 * an attachment of the round (`round-item`) the moment it is taken, and the
 * item's entry lists the ones that belong to it — so a photo is never lost
 * between taking it and the entry being saved.
 */
export function PhotoInput({ roundId, label, entry, locked, minPhotos, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);
  const [preview, setPreview] = useState<number | null>(null);
  const cameraAvailable = useCameraAvailable();
  const { data, reload } = useApiResource<Attachment[]>(`round-item:${roundId}`, () => api.call('attachments.list', { ownerType: 'round-item', ownerId: roundId }));
  useRecordsChanged(['attachment'], reload);

  const ids = entry?.value.type === 'photo' ? entry.value.attachmentIds : [];
  // Uploads finish one after another; each adds to the list the previous one left.
  const current = useRef(ids);
  useEffect(() => {
    current.current = ids;
  });
  const uploads = useAttachmentUploads({ ownerType: 'round-item', ownerId: roundId }, (attachment) => {
    current.current = [...current.current, attachment.id].slice(-20);
    onSave({ type: 'photo', attachmentIds: current.current });
    reload();
  });

  const byId = new Map((data ?? []).map((attachment) => [attachment.id, attachment]));
  const photos = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const missing = Math.max(0, minPhotos - ids.length);

  const remove = (id: string) => onSave({ type: 'photo', attachmentIds: ids.filter((candidate) => candidate !== id) });
  const download = async (attachment: Attachment) => {
    try {
      downloadFile(await api.call('attachments.content', { id: attachment.id }));
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <Stack spacing={1} sx={{ minWidth: { md: 320 } }}>
      {locked ? null : (
        <Stack direction="row" spacing={1}>
          <Button size="small" variant="outlined" startIcon={<AddAPhotoIcon />} onClick={() => inputRef.current?.click()}>
            {missing > 0 ? t('rounds.runner.addPhotos', { count: missing }) : t('rounds.runner.addMorePhotos')}
          </Button>
          {cameraAvailable ? (
            <Button size="small" variant="outlined" startIcon={<PhotoCameraOutlinedIcon />} onClick={() => setCamera(true)}>
              {t('rounds.runner.takePhoto')}
            </Button>
          ) : null}
          <input
            ref={inputRef}
            type="file"
            multiple
            hidden
            accept="image/*"
            aria-label={t('rounds.runner.choosePhotosFor', { item: label })}
            onChange={(event) => {
              uploads.add([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
        </Stack>
      )}
      {uploads.pending.map((item) =>
        item.state === 'failed' ? (
          <Alert
            key={item.key}
            severity="error"
            action={
              <IconButton size="small" color="inherit" aria-label={t('attachments.dismiss', { name: item.fileName })} onClick={() => uploads.dismiss(item.key)}>
                <CloseIcon fontSize="small" />
              </IconButton>
            }
          >
            {uploadErrorText(item.error, item.fileName, t, i18n.language) ?? `${item.fileName}: ${describeError(item.error, t).text}`}
          </Alert>
        ) : (
          <Box key={item.key}>
            <Typography variant="caption">{item.fileName}</Typography>
            <LinearProgress aria-label={t('attachments.uploadingFile', { name: item.fileName })} />
          </Box>
        ),
      )}
      {photos.length > 0 ? (
        <Box component="ul" aria-label={t('rounds.runner.photosOf', { item: label })} sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))' }}>
          {photos.map((attachment, index) => (
            <li key={attachment.id}>
              <ImageTile attachment={attachment} onOpen={() => setPreview(index)} onDelete={locked ? undefined : () => remove(attachment.id)} />
            </li>
          ))}
        </Box>
      ) : null}
      {!locked && missing > 0 && ids.length > 0 ? (
        <Typography variant="caption" color="text.secondary">
          {t('rounds.runner.photosNeeded', { count: missing })}
        </Typography>
      ) : null}
      {camera ? <CameraCaptureDialog onCapture={(file) => uploads.add([file])} onClose={() => setCamera(false)} /> : null}
      {preview !== null && photos[preview] ? (
        <AttachmentPreviewDialog images={photos} index={preview} onIndexChange={setPreview} onDownload={(attachment) => void download(attachment)} onClose={() => setPreview(null)} />
      ) : null}
    </Stack>
  );
}
