import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import HistoryIcon from '@mui/icons-material/History';
import { Box, Button, Chip, CircularProgress, FormControlLabel, Link, MenuItem, Paper, Radio, RadioGroup, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { ChecklistTemplate, Round } from '@shared/domain/rounds';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { EmptyState } from '../../../app/ui/EmptyState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { formatDateTime } from '../../../i18n/format';
import { Section } from '../../assets/detail/Section';
import { useApiResource } from '../../assets/use-api-resource';
import { useRecordsChanged } from '../../checks/use-records-changed';
import { useAssetLabels } from '../../assets/asset-names.store';
import { AssetsPicker } from '../../assets/AssetsPicker';
import { ReportButton } from '../ReportButton';
import { ROUND_ENTITIES } from '../round-entities';
import { targetLabel } from '../round-format';
import { RoomField } from '../RoomField';
import { useRooms } from '../use-room-names';
import { readingItems } from './reading-items';
import { ReadingsChart } from './ReadingsChart';

const ROUNDS_SHOWN = 200;

/**
 * 巡检历史: the past rounds of a room or an asset and one item's readings
 * over time. The choice lives in the address (?room=…, ?asset=…, &item=…),
 * so another page can link straight to an asset's history.
 */
export function RoundsHistoryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const roomId = params.get('room');
  const assetId = params.get('asset');
  const scope: 'room' | 'asset' = assetId || params.get('by') === 'asset' ? 'asset' : 'room';
  const itemKey = params.get('item');
  const { rooms, roomNames } = useRooms();
  const assetLabels = useAssetLabels(assetId ? [assetId] : []);

  const where = scope === 'room' ? (roomId ? { roomId } : null) : assetId ? { assetId } : null;
  const whereKey = where ? JSON.stringify(where) : null;
  const rounds = useApiResource(whereKey, () => api.call('rounds.list', { ...where!, limit: ROUNDS_SHOWN }));
  const templates = useApiResource('templates:all', () => api.call('templates.list', { includeArchived: true }));
  useRecordsChanged(ROUND_ENTITIES, rounds.reload);

  const items = useMemo(() => {
    const ordered = [...(templates.data ?? [])].sort((a, b) => Number(b.language === i18n.language) - Number(a.language === i18n.language));
    return readingItems(ordered as ChecklistTemplate[], scope);
  }, [templates.data, scope, i18n.language]);
  const item = items.find((candidate) => candidate.key === itemKey) ?? items[0] ?? null;

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <Button component={RouterLink} to="/rounds" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {t('rounds.backToRounds')}
      </Button>
      <PageHeader title={t('rounds.history.title')} />
      <Stack spacing={2}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <RadioGroup row value={scope} onChange={(event) => update(event.target.value === 'asset' ? { by: 'asset', room: null, item: null } : { by: null, asset: null, item: null })} aria-label={t('rounds.history.by')}>
            <FormControlLabel value="room" control={<Radio />} label={t('rounds.history.byRoom')} />
            <FormControlLabel value="asset" control={<Radio />} label={t('rounds.history.byAsset')} />
          </RadioGroup>
          {scope === 'room' ? (
            <RoomField rooms={rooms} value={roomId} onChange={(id) => update({ room: id })} label={t('rounds.start.room')} />
          ) : (
            <AssetsPicker label={t('rounds.history.asset')} value={assetLabels} onChange={(next) => update({ asset: next[next.length - 1]?.id ?? null, by: 'asset' })} />
          )}
        </Paper>

        {!where ? (
          <EmptyState icon={<HistoryIcon />} title={t('rounds.history.pickTitle')} body={t('rounds.history.pickBody')} />
        ) : (
          <>
            <Section title={t('rounds.history.readings')}>
              {items.length === 0 ? (
                <Typography color="text.secondary">{t('rounds.history.noNumericItems')}</Typography>
              ) : (
                <Stack spacing={2}>
                  <TextField select size="small" label={t('rounds.history.item')} value={item?.key ?? ''} onChange={(event) => update({ item: event.target.value })} sx={{ maxWidth: 420 }}>
                    {items.map((candidate) => (
                      <MenuItem key={candidate.key} value={candidate.key}>
                        {candidate.unit ? `${candidate.label} (${candidate.unit})` : candidate.label}
                      </MenuItem>
                    ))}
                  </TextField>
                  {item ? <ReadingsChart item={item} where={where} /> : null}
                </Stack>
              )}
            </Section>

            <Section title={t('rounds.history.pastRounds')}>
              {rounds.error && !rounds.data ? <ErrorAlert error={rounds.error} action={{ label: t('app.retry'), run: rounds.reload }} /> : null}
              {!rounds.data ? (
                rounds.error ? null : (
                  <Box sx={{ display: 'flex', justifyContent: 'center', py: 2 }}>
                    <CircularProgress aria-label={t('app.loading')} />
                  </Box>
                )
              ) : rounds.data.rows.length === 0 ? (
                <Typography color="text.secondary">{t('rounds.history.noRounds')}</Typography>
              ) : (
                <PastRounds rows={rounds.data.rows} total={rounds.data.total} roomNames={roomNames} />
              )}
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}

function PastRounds({ rows, total, roomNames }: { rows: Round[]; total: number; roomNames: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label={t('rounds.history.pastRounds')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('rounds.history.started')}</TableCell>
              <TableCell>{t('rounds.history.template')}</TableCell>
              <TableCell>{t('rounds.schedules.target')}</TableCell>
              <TableCell>{t('rounds.history.status')}</TableCell>
              <TableCell>{t('rounds.history.results')}</TableCell>
              <TableCell>{t('rounds.history.signedBy')}</TableCell>
              <TableCell align="right">{t('rounds.history.report')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((round) => (
              <TableRow key={round.id} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/rounds/${round.id}`}>
                    {formatDateTime(round.startedAt, i18n.language)}
                  </Link>
                </TableCell>
                <TableCell>{t('rounds.history.templateVersion', { name: round.templateName, version: round.templateVersion })}</TableCell>
                <TableCell>{targetLabel(round.target, roomNames, t)}</TableCell>
                <TableCell>
                  <Chip size="small" color={round.status === 'signed' ? 'success' : 'default'} label={t(`rounds.status.${round.status}`)} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('rounds.history.resultLine', { ok: round.counts.ok, warning: round.counts.warning, failed: round.counts.failed, done: round.counts.done, total: round.counts.total })}
                </TableCell>
                <TableCell>{round.signedBy ?? '—'}</TableCell>
                <TableCell align="right">
                  <ReportButton roundId={round.id} size="small" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {total > rows.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('rounds.history.more', { shown: rows.length, total })}
        </Typography>
      ) : null}
    </>
  );
}
