import { Box, Button, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Profile, ROLES, type Role } from '@shared/domain/profile';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { nameProblem } from '../../app/forms/name-problem';
import { useFocusAfterBusy } from '../../app/forms/use-focus-after-busy';

const ProfileName = Profile.shape.name;

interface Props {
  initial: { name: string; role: Role };
  submitLabel: string;
  onSubmit(profile: Profile): Promise<void>;
  autoFocus?: boolean;
}

/** Name and role of the local user; used at first start and in Settings. */
export function ProfileForm({ initial, submitLabel, onSubmit, autoFocus = false }: Props) {
  const { t } = useTranslation();
  const roleLabelId = useId();
  const [name, setName] = useState(initial.name);
  const [role, setRole] = useState<Role>(initial.role);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const submitButton = useFocusAfterBusy<HTMLButtonElement>(busy);

  const problem = nameProblem(ProfileName, name);
  const showProblem = problem !== null && (attempted || problem.key === 'tooLong');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (problem || busy) return;
    setBusy(true);
    setServerError(null);
    try {
      await onSubmit({ name: name.trim(), role });
    } catch (error) {
      setServerError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <Stack spacing={2}>
        <TextField
          label={t('profile.nameLabel')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          autoFocus={autoFocus}
          autoComplete="name"
          error={showProblem}
          helperText={showProblem && problem ? t(`validation.${problem.key}`, problem.key === 'tooLong' ? { max: problem.max } : {}) : ' '}
        />
        <FormControl>
          <FormLabel id={roleLabelId}>{t('profile.roleLabel')}</FormLabel>
          <RadioGroup row aria-labelledby={roleLabelId} value={role} onChange={(_event, value) => setRole(value as Role)}>
            {ROLES.map((value) => (
              <FormControlLabel key={value} value={value} control={<Radio />} label={t(`roles.${value}`)} />
            ))}
          </RadioGroup>
        </FormControl>
        {serverError ? <ErrorAlert error={serverError} /> : null}
        <Box>
          <Button ref={submitButton} type="submit" variant="contained" loading={busy}>
            {submitLabel}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
