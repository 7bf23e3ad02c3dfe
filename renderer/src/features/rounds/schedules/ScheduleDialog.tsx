import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, Switch, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FREQUENCIES, type ChecklistTemplate, type Frequency, type Schedule } from '@shared/domain/rounds';
import { api } from '../../../api';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';
import { useAssetLabels, type AssetLabel } from '../../assets/asset-names.store';
import { announce } from '../../assets/confirmations';
import { AssetsPicker } from '../../assets/AssetsPicker';
import { localDate } from '../round-format';
import { RoomField } from '../RoomField';
import { useRooms } from '../use-room-names';
import { newScheduleForm, scheduleFields, scheduleFormOf, type ScheduleForm, type ScheduleProblems } from './schedule-form';

/** 巡检计划: which template, where, how often from which day, for whom; inactive schedules stay but fall due no more. */
export function ScheduleDialog({ schedule, templates, onClose }: { schedule: Schedule | null; templates: readonly ChecklistTemplate[]; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { rooms } = useRooms();
  const live = templates.filter((template) => !template.archived || template.id === schedule?.templateId);
  const [form, setForm] = useState<ScheduleForm>(() => (schedule ? scheduleFormOf(schedule) : newScheduleForm(localDate(Date.now()), live[0]?.id ?? '')));
  const known = useAssetLabels(schedule?.target.kind === 'assets' ? schedule.target.assetIds : []);
  const [picked, setPicked] = useState<AssetLabel[] | null>(null);
  const assets = picked ?? known;
  const [problems, setProblems] = useState<ScheduleProblems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (change: Partial<ScheduleForm>) => setForm((current) => ({ ...current, ...change }));

  const save = async () => {
    const result = scheduleFields({ ...form, assetIds: assets.map((asset) => asset.id) });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    setError(null);
    try {
      await api.call('schedules.save', { ...(schedule ? { id: schedule.id } : {}), fields: result.fields });
      announce(t('rounds.schedules.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const problem = (field: keyof ScheduleProblems) => (problems[field] ? t(`rounds.schedules.problems.${problems[field]}`) : undefined);

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{schedule ? t('rounds.schedules.editTitle') : t('rounds.schedules.newTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 1 }}>
          {error ? <ErrorAlert error={error} /> : null}
          <TextField select label={t('rounds.schedules.template')} value={form.templateId} onChange={(event) => set({ templateId: event.target.value })} error={problem('templateId') !== undefined} helperText={problem('templateId') ?? ' '} autoFocus>
            {live.map((template) => (
              <MenuItem key={template.id} value={template.id}>
                {t('rounds.start.templateOption', { name: template.name, version: template.version, language: t(`rounds.languages.${template.language}`) })}
              </MenuItem>
            ))}
          </TextField>
          <RadioGroup row value={form.targetKind} onChange={(event) => set({ targetKind: event.target.value as ScheduleForm['targetKind'] })} aria-label={t('rounds.start.where')}>
            <FormControlLabel value="room" control={<Radio />} label={t('rounds.start.inRoom')} />
            <FormControlLabel value="assets" control={<Radio />} label={t('rounds.schedules.assetGroup')} />
          </RadioGroup>
          {form.targetKind === 'room' ? (
            <RoomField rooms={rooms} value={form.roomId} onChange={(roomId) => set({ roomId })} label={t('rounds.start.room')} error={problem('target')} />
          ) : (
            <AssetsPicker label={t('rounds.start.assets')} value={assets} onChange={setPicked} error={problem('target')} />
          )}
          <Stack direction="row" spacing={1.5}>
            <TextField select label={t('rounds.schedules.frequency')} value={form.frequency} onChange={(event) => set({ frequency: event.target.value as Frequency })} sx={{ flex: 1 }} helperText=" ">
              {FREQUENCIES.map((frequency) => (
                <MenuItem key={frequency} value={frequency}>
                  {t(`rounds.frequencies.${frequency}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              type="date"
              label={t('rounds.schedules.startDate')}
              value={form.startDate}
              onChange={(event) => set({ startDate: event.target.value })}
              error={problem('startDate') !== undefined}
              helperText={problem('startDate') ?? ' '}
              sx={{ flex: 1 }}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
          <TextField label={t('rounds.schedules.assignee')} value={form.assignee} onChange={(event) => set({ assignee: event.target.value })} helperText={t('rounds.schedules.assigneeHelp')} slotProps={{ htmlInput: { maxLength: 100 } }} />
          <FormControlLabel control={<Switch checked={form.active} onChange={(event) => set({ active: event.target.checked })} />} label={t('rounds.schedules.active')} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('rounds.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('rounds.schedules.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
