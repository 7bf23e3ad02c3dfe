import { Box, Button, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useEffect, useImperativeHandle, useRef, type PointerEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { bytesToBase64 } from '../../asset-transfer/download-file';

export interface SignaturePadHandle {
  /** The signature as a PNG, base64; null while nothing is drawn. */
  toPngBase64(): Promise<string | null>;
}

const WIDTH = 480;
const HEIGHT = 160;

/**
 * 签名: drawn with a mouse, a pen or a finger on a canvas (pointer events,
 * so all three work the same). Without a pointer, "Sign with my name" writes
 * the typed name into the pad instead, so keyboard use can sign too.
 */
export function SignaturePad({ ref, name, label, onChange }: { ref: Ref<SignaturePadHandle>; name: string; label: string; onChange(empty: boolean): void }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const empty = useRef(true);

  const context = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    return { canvas, ctx };
  };

  // The PNG has a white background whatever the theme, as on paper.
  const clear = () => {
    const drawn = context();
    if (!drawn) return;
    drawn.ctx.fillStyle = '#ffffff';
    drawn.ctx.fillRect(0, 0, WIDTH, HEIGHT);
    empty.current = true;
    onChange(true);
  };

  useEffect(() => {
    clear();
    // Once, when the canvas is there.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const mark = () => {
    if (empty.current) {
      empty.current = false;
      onChange(false);
    }
  };

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * WIDTH) / rect.width, y: ((event.clientY - rect.top) * HEIGHT) / rect.height };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = point(event);
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = drawing.current;
    const drawn = context();
    if (!from || !drawn) return;
    const to = point(event);
    drawn.ctx.strokeStyle = '#0b1f44';
    drawn.ctx.lineWidth = 2.5;
    drawn.ctx.lineCap = 'round';
    drawn.ctx.lineJoin = 'round';
    drawn.ctx.beginPath();
    drawn.ctx.moveTo(from.x, from.y);
    drawn.ctx.lineTo(to.x, to.y);
    drawn.ctx.stroke();
    drawing.current = to;
    mark();
  };

  const onPointerUp = () => {
    drawing.current = null;
  };

  const writeName = () => {
    const drawn = context();
    if (!drawn || name.trim() === '') return;
    clear();
    drawn.ctx.fillStyle = '#0b1f44';
    drawn.ctx.font = `italic 44px ${theme.typography.fontFamily ?? 'serif'}`;
    drawn.ctx.textBaseline = 'middle';
    drawn.ctx.fillText(name.trim(), 24, HEIGHT / 2, WIDTH - 48);
    mark();
  };

  useImperativeHandle(ref, () => ({
    async toPngBase64() {
      const canvas = canvasRef.current;
      if (!canvas || empty.current) return null;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      return blob ? bytesToBase64(new Uint8Array(await blob.arrayBuffer())) : null;
    },
  }));

  return (
    <Stack spacing={1}>
      <Typography variant="body2" component="span">
        {label}
      </Typography>
      <Box
        component="canvas"
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('rounds.sign.padLabel')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        sx={{ width: '100%', maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, border: 1, borderColor: 'divider', borderRadius: 1, touchAction: 'none', cursor: 'crosshair', bgcolor: '#fff' }}
      />
      <Stack direction="row" spacing={1}>
        <Button size="small" onClick={writeName} disabled={name.trim() === ''}>
          {t('rounds.sign.useName')}
        </Button>
        <Button size="small" onClick={clear}>
          {t('rounds.sign.clear')}
        </Button>
      </Stack>
    </Stack>
  );
}
