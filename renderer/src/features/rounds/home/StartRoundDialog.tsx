import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  InputAdornment,
  ListSubheader,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Tooltip,
} from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/domain/assets';
import type { ChecklistTemplate, DueRound, Round, RoundTarget, Schedule } from '@shared/domain/rounds';
import { api, isApiClientError } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import type { AssetLabel } from '../../assets/asset-names.store';
import { assetLabel } from '../../assets/asset-names.store';
import { CameraScanner } from '../../quick-open/CameraScanner';
import { looksLikeAssetId } from '../../quick-open/scanner-input';
import { AssetsPicker } from '../../assets/AssetsPicker';
import { RoomField } from '../RoomField';
import { useRooms } from '../use-room-names';
import { decideScan, suggestTemplate } from './scan-target';

interface Props {
  templates: readonly ChecklistTemplate[];
  openRounds: readonly Round[];
  due: readonly { due: DueRound; schedule: Schedule }[];
  /** A round to open: one just started, or one already under way that a scan found. */
  onOpen(roundId: string): void;
  onClose(): void;
}

async function findAsset(code: string): Promise<Asset | null> {
  if (looksLikeAssetId(code)) {
    try {
      return (await api.call('assets.get', { id: code.trim() })).asset;
    } catch (error) {
      if (!isApiClientError(error) || error.code !== 'assets.not-found') throw error;
    }
  }
  return (await api.call('assets.quickOpen', { text: code, limit: 1 })).exact;
}

/**
 * 开始巡检: a template and where — a machine room, some assets, or a
 * scanned asset label (a USB scanner types into the field; the laptop camera
 * reads the QR code). A scan opens the round already under way in the
 * asset's room, or starts the one due there, or fills in the room.
 */
export function StartRoundDialog({ templates, openRounds, due, onOpen, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { rooms } = useRooms();
  const live = templates.filter((template) => !template.archived);
  const [templateId, setTemplateId] = useState<string>(() => suggestTemplate(live, { kind: 'room' }, i18n.language)?.id ?? live[0]?.id ?? '');
  const [kind, setKind] = useState<RoundTarget['kind']>('room');
  const [roomId, setRoomId] = useState<string | null>(null);
  const [assets, setAssets] = useState<AssetLabel[]>([]);
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<'template' | 'room' | 'assets' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  const start = async (input: { templateId: string; target: RoundTarget; scheduleId?: string; periodStart?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const detail = await api.call('rounds.start', input);
      onOpen(detail.round.id);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const submit = () => {
    if (!templateId) return setProblem('template');
    if (kind === 'room' && !roomId) return setProblem('room');
    if (kind === 'assets' && assets.length === 0) return setProblem('assets');
    setProblem(null);
    void start({ templateId, target: kind === 'room' ? { kind: 'room', roomId: roomId! } : { kind: 'assets', assetIds: assets.map((asset) => asset.id) } });
  };

  const scan = async (text: string) => {
    const scanned = text.trim();
    if (scanned === '') return;
    setNotice(null);
    setError(null);
    try {
      const asset = await findAsset(scanned);
      if (!asset) {
        setNotice(t('rounds.start.scanUnknown', { code: scanned }));
        return;
      }
      const decision = decideScan({ id: asset.id, type: asset.type, roomId: asset.location.roomId }, openRounds, due, live, i18n.language);
      if (decision.kind === 'open') return onOpen(decision.roundId);
      if (decision.kind === 'start') return void start({ templateId: decision.schedule.templateId, target: decision.schedule.target, scheduleId: decision.schedule.id, periodStart: decision.periodStart });
      setKind(decision.target.kind);
      if (decision.target.kind === 'room') setRoomId(decision.target.roomId);
      else setAssets([assetLabel(asset)]);
      if (decision.templateId) setTemplateId(decision.templateId);
      setNotice(decision.target.kind === 'room' ? t('rounds.start.scanRoom', { asset: asset.name, room: asset.location.roomName ?? '' }) : t('rounds.start.scanAsset', { asset: asset.name }));
      requestAnimationFrame(() => startRef.current?.focus());
    } catch (caught) {
      setError(caught);
    }
  };

  const roomTemplates = live.filter((template) => template.scope.kind === 'room');
  const assetTemplates = live.filter((template) => template.scope.kind === 'asset-type');

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('rounds.start.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error ? <ErrorAlert error={error} /> : null}
          <TextField
            label={t('rounds.start.scanLabel')}
            value={code}
            autoFocus
            autoComplete="off"
            onChange={(event) => setCode(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void scan(code);
              }
            }}
            helperText={notice ?? t('rounds.start.scanHelp')}
            slotProps={{
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <Tooltip title={t('rounds.start.camera')}>
                      <IconButton aria-label={t('rounds.start.camera')} aria-pressed={camera} onClick={() => setCamera((value) => !value)} edge="end">
                        <QrCodeScannerIcon />
                      </IconButton>
                    </Tooltip>
                  </InputAdornment>
                ),
              },
            }}
          />
          {camera ? (
            <Box>
              <CameraScanner
                onCode={(text) => {
                  setCamera(false);
                  setCode(text);
                  void scan(text);
                }}
              />
            </Box>
          ) : null}

          <TextField
            select
            label={t('rounds.start.template')}
            value={templateId}
            onChange={(event) => setTemplateId(event.target.value)}
            error={problem === 'template'}
            helperText={problem === 'template' ? t('rounds.start.templateRequired') : ' '}
          >
            {roomTemplates.length > 0 ? <ListSubheader>{t('rounds.scope.room')}</ListSubheader> : null}
            {roomTemplates.map((template) => (
              <MenuItem key={template.id} value={template.id}>
                {t('rounds.start.templateOption', { name: template.name, version: template.version, language: t(`rounds.languages.${template.language}`) })}
              </MenuItem>
            ))}
            {assetTemplates.length > 0 ? <ListSubheader>{t('rounds.scope.asset-type')}</ListSubheader> : null}
            {assetTemplates.map((template) => (
              <MenuItem key={template.id} value={template.id}>
                {t('rounds.start.templateOption', { name: template.name, version: template.version, language: t(`rounds.languages.${template.language}`) })}
              </MenuItem>
            ))}
          </TextField>

          <RadioGroup row value={kind} onChange={(event) => setKind(event.target.value as RoundTarget['kind'])} aria-label={t('rounds.start.where')}>
            <FormControlLabel value="room" control={<Radio />} label={t('rounds.start.inRoom')} />
            <FormControlLabel value="assets" control={<Radio />} label={t('rounds.start.forAssets')} />
          </RadioGroup>
          {kind === 'room' ? (
            <RoomField rooms={rooms} value={roomId} onChange={setRoomId} label={t('rounds.start.room')} error={problem === 'room' ? t('rounds.start.roomRequired') : undefined} />
          ) : (
            <AssetsPicker label={t('rounds.start.assets')} value={assets} onChange={setAssets} error={problem === 'assets' ? t('rounds.start.assetsRequired') : undefined} />
          )}
          {rooms.length === 0 && kind === 'room' ? <Alert severity="info">{t('rounds.start.noRooms')}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('rounds.cancel')}
        </Button>
        <Button ref={startRef} variant="contained" disabled={busy || live.length === 0} onClick={submit}>
          {t('rounds.start.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
