import { Alert, Box, Typography } from '@mui/material';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'failed';

/** Frames are decoded at most this often: enough to feel instant, light on a laptop CPU. */
const DECODE_EVERY_MS = 150;
/** Frames are scaled down to this width before decoding; label QR codes stay readable. */
const DECODE_WIDTH = 640;

/**
 * Reads a QR label with the laptop's camera (video only, never audio): frames
 * from getUserMedia go through jsQR until one holds a code. The stream stops
 * as soon as a code is read or the scanner closes.
 */
export function CameraScanner({ onCode }: { onCode(text: string): void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(() =>
    typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia ? 'unsupported' : null,
  );
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!navigator.mediaDevices?.getUserMedia) return;
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    let lastDecode = 0;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const stop = () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };

    const tick = (now: number) => {
      if (stopped) return;
      frame = requestAnimationFrame(tick);
      const video = videoRef.current;
      if (!video || !context || video.readyState < video.HAVE_CURRENT_DATA || now - lastDecode < DECODE_EVERY_MS) return;
      lastDecode = now;
      const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      if (canvas.width === 0 || canvas.height === 0) return;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      if (code && code.data.trim() !== '') {
        stop();
        onCodeRef.current(code.data.trim());
      }
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
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
        frame = requestAnimationFrame(tick);
      })
      .catch((error: unknown) => {
        if (!stopped) setProblem(cameraProblem(error));
      });
    return stop;
  }, []);

  if (problem) {
    return (
      <Alert severity="warning" role="alert">
        {t(`quickOpen.camera${capitalise(problem)}`)}
      </Alert>
    );
  }
  return (
    <Box>
      <Box
        component="video"
        ref={videoRef}
        muted
        playsInline
        aria-label={t('quickOpen.cameraLabel')}
        sx={{ width: '100%', maxHeight: 280, bgcolor: 'common.black', borderRadius: 1, objectFit: 'contain' }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {t('quickOpen.cameraHint')}
      </Typography>
    </Box>
  );
}

function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  if (name === 'TypeError') return 'unsupported';
  return 'failed';
}

function capitalise(problem: CameraProblem): 'Denied' | 'Missing' | 'Busy' | 'Unsupported' | 'Failed' {
  return (problem.charAt(0).toUpperCase() + problem.slice(1)) as 'Denied' | 'Missing' | 'Busy' | 'Unsupported' | 'Failed';
}
