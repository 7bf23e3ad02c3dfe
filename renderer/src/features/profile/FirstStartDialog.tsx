import { Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.store';
import { ProfileForm } from './ProfileForm';

/**
 * Asked once, before anything else: every record is signed by someone, so the
 * dialog has no onClose: Escape and a backdrop click do nothing until a profile is saved.
 */
export function FirstStartDialog() {
  const { t } = useTranslation();
  const titleId = useId();
  const saveProfile = useSession((state) => state.saveProfile);
  return (
    <Dialog open aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('profile.firstStartTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('profile.firstStartIntro')}</DialogContentText>
        <ProfileForm
          autoFocus
          initial={{ name: '', role: 'engineer' }}
          submitLabel={t('profile.start')}
          onSubmit={async (profile) => {
            await saveProfile(profile);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
