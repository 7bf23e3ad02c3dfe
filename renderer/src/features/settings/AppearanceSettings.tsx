import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES, type Language, type Theme } from '@shared/domain/profile';
import { reportError } from '../../app/errors/report-error';
import { useSession } from '../../app/session.store';
import { SettingsSection } from './SettingsSection';

/** Language and theme apply as soon as core has saved them, so what the user sees is what the next start shows. */
export function LanguageSettings() {
  const { t } = useTranslation();
  const labelId = useId();
  const language = useSession((state) => state.info?.settings.language ?? 'en');
  const updateSettings = useSession((state) => state.updateSettings);
  // The radio shows the choice at once; the saved value takes over when core
  // answers (or the choice is undone on failure). The group is not disabled
  // meanwhile: that would drop keyboard focus from the radio just chosen.
  const [pending, setPending] = useState<Language | null>(null);

  async function choose(next: Language) {
    if (pending !== null) return;
    setPending(next);
    try {
      await updateSettings({ language: next });
    } catch (error) {
      reportError(error);
    } finally {
      setPending(null);
    }
  }

  return (
    <SettingsSection title={t('settings.language.title')}>
      <FormControl>
        <FormLabel id={labelId}>{t('settings.language.label')}</FormLabel>
        <RadioGroup row aria-labelledby={labelId} aria-busy={pending !== null} value={pending ?? language} onChange={(_event, value) => void choose(value as Language)}>
          {LANGUAGES.map((value) => (
            // Each language names itself, so a user who cannot read the current one still finds theirs.
            <FormControlLabel key={value} value={value} control={<Radio />} label={t(`settings.language.${value}`)} lang={value} />
          ))}
        </RadioGroup>
      </FormControl>
    </SettingsSection>
  );
}

export function ThemeSettings() {
  const { t } = useTranslation();
  const labelId = useId();
  const theme = useSession((state) => state.info?.settings.theme ?? 'system');
  const updateSettings = useSession((state) => state.updateSettings);
  // The radio shows the choice at once; the saved value takes over when core
  // answers (or the choice is undone on failure). The group is not disabled
  // meanwhile: that would drop keyboard focus from the radio just chosen.
  const [pending, setPending] = useState<Theme | null>(null);

  async function choose(next: Theme) {
    if (pending !== null) return;
    setPending(next);
    try {
      await updateSettings({ theme: next });
    } catch (error) {
      reportError(error);
    } finally {
      setPending(null);
    }
  }

  return (
    <SettingsSection title={t('settings.theme.title')}>
      <FormControl>
        <FormLabel id={labelId}>{t('settings.theme.label')}</FormLabel>
        <RadioGroup row aria-labelledby={labelId} aria-busy={pending !== null} value={pending ?? theme} onChange={(_event, value) => void choose(value as Theme)}>
          {THEMES.map((value) => (
            <FormControlLabel key={value} value={value} control={<Radio />} label={t(`settings.theme.${value}`)} />
          ))}
        </RadioGroup>
      </FormControl>
    </SettingsSection>
  );
}
