import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { capturedFileName } from './attachment-files';

type CameraProblem = 'denied' | 'missing' | 'busy' | 'failed';

const JPEG_QUALITY = 0.9;

/**
 * Takes a photo with the laptop's camera: the live picture from getUserMedia
 * (video only), one frame drawn to a canvas at full resolution and encoded as
 * JPEG. The camera stops when the dialog closes, whichever way.
 */
export function CameraCaptureDialog({ onCapture, onClose }: { onCapture(file: File): void; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [capturing, setCapturing] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (media) => {
        if (stopped) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        stream = media;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = media;
        await video.play().catch(() => undefined);
        if (!stopped) setReady(true);
      })
      .catch((error: unknown) => {
        if (!stopped) setProblem(cameraProblem(error));
      });
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  function capture() {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    setCapturing(true);
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(
      (blob) => {
        setCapturing(false);
        if (!blob) {
          setProblem('failed');
          return;
        }
        onCapture(new File([blob], capturedFileName(t('attachments.camera.fileLabel'), new Date(), 'jpg'), { type: 'image/jpeg' }));
        onClose();
      },
      'image/jpeg',
      JPEG_QUALITY,
    );
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('attachments.camera.title')}</DialogTitle>
      <DialogContent>
        {problem ? (
          <Alert severity="warning" role="alert">
            {t(`attachments.camera.problems.${problem}`)}
          </Alert>
        ) : (
          <Box
            component="video"
            ref={videoRef}
            muted
            playsInline
            aria-label={t('attachments.camera.preview')}
            sx={{ width: '100%', maxHeight: '60vh', bgcolor: 'common.black', borderRadius: 1, objectFit: 'contain', display: 'block' }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('attachments.cancel')}</Button>
        {problem ? null : (
          <Button variant="contained" startIcon={<PhotoCameraIcon />} disabled={!ready} loading={capturing} onClick={capture} autoFocus>
            {t('attachments.camera.capture')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  return 'failed';
}
