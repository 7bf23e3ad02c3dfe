import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RoomOption } from '../assets/location-options';

/** A machine room, grouped under "Client / Site". */
export function RoomField({ rooms, value, onChange, label, error, autoFocus }: { rooms: RoomOption[]; value: string | null; onChange(id: string | null): void; label: string; error?: string | undefined; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const selected = value ? (rooms.find((room) => room.id === value) ?? null) : null;
  return (
    <Autocomplete<RoomOption, false, false, false>
      options={rooms}
      value={selected}
      onChange={(_event, next) => onChange(next?.id ?? null)}
      groupBy={(room) => room.parentPath}
      getOptionLabel={(room) => `${room.parentPath} / ${room.name}`}
      renderOption={(props, room) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            {room.name}
          </li>
        );
      }}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      noOptionsText={t('rounds.pickers.noRooms')}
      openText={t('rounds.pickers.open')}
      closeText={t('rounds.pickers.close')}
      clearText={t('rounds.pickers.clear')}
      renderInput={(params) => <TextField {...params} label={label} autoFocus={autoFocus} error={error !== undefined} helperText={error ?? ' '} />}
    />
  );
}
