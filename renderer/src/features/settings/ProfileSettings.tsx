import { useTranslation } from 'react-i18next';
import { notify } from '../../app/errors/report-error';
import { useSession } from '../../app/session.store';
import { ProfileForm } from '../profile/ProfileForm';
import { SettingsSection } from './SettingsSection';

export function ProfileSettings() {
  const { t } = useTranslation();
  const profile = useSession((state) => state.info?.profile ?? null);
  const saveProfile = useSession((state) => state.saveProfile);
  return (
    <SettingsSection title={t('settings.profile.title')}>
      <ProfileForm
        initial={profile ?? { name: '', role: 'engineer' }}
        submitLabel={t('profile.save')}
        onSubmit={async (next) => {
          await saveProfile(next);
          notify(t('profile.saved'));
        }}
      />
    </SettingsSection>
  );
}
