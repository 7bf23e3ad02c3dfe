import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import KeyIcon from '@mui/icons-material/Key';
import LinkIcon from '@mui/icons-material/Link';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Button, Chip, IconButton, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@shared/domain/assets';
import type { Credential } from '@shared/domain/credentials';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { announce } from '../assets/confirmations';
import { ConfirmDialog } from '../assets/ConfirmDialog';
import { useApiResource } from '../assets/use-api-resource';
import { Section } from '../assets/detail/Section';
import { AttachCredentialDialog } from './AttachCredentialDialog';
import { emptyCredentialValues, valuesFromCredential } from './credential-form';
import { CredentialDialog } from './CredentialDialog';

type DialogState = { type: 'create' } | { type: 'attach' } | { type: 'replace'; credential: Credential } | { type: 'delete'; credential: Credential };

/**
 * The credentials a device's checks use. The list shows names, kinds and
 * settings, and for the secret only whether it is set: core never returns it.
 */
export function AssetCredentials({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const { data: credentials, error, reload } = useApiResource<Credential[]>(asset.id, () => api.call('credentials.list', { assetId: asset.id }));

  useEffect(
    () =>
      api.on('records.changed', ({ entities }) => {
        if (entities.some((entity) => entity === 'credential' || entity === '*')) reload();
      }),
    [reload],
  );

  const detach = async (credential: Credential) => {
    await api.call('credentials.assign', { id: credential.id, assetIds: [asset.id], attach: false });
    reload();
    announce(t('credentials.detached', { name: credential.name }), {
      severity: 'info',
      action: {
        label: t('assets.undo'),
        run: async () => {
          await api.call('credentials.assign', { id: credential.id, assetIds: [asset.id], attach: true });
          reload();
        },
      },
    });
  };

  return (
    <Section
      title={t('credentials.title')}
      action={
        <>
          <Button size="small" startIcon={<AddIcon />} onClick={() => setDialog({ type: 'create' })}>
            {t('credentials.add')}
          </Button>
          <Button size="small" startIcon={<LinkIcon />} onClick={() => setDialog({ type: 'attach' })}>
            {t('credentials.attach')}
          </Button>
        </>
      }
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('credentials.intro')}
      </Typography>
      {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
      {credentials === null ? null : credentials.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('credentials.empty')}
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('credentials.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('credentials.columns.name')}</TableCell>
                <TableCell>{t('credentials.columns.kind')}</TableCell>
                <TableCell>{t('credentials.columns.settings')}</TableCell>
                <TableCell>{t('credentials.columns.secret')}</TableCell>
                <TableCell align="right">{t('credentials.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {credentials.map((credential) => (
                <TableRow key={credential.id}>
                  <TableCell>
                    {credential.name}
                    {credential.assetIds.length > 1 ? (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {t('credentials.shared', { count: credential.assetIds.length })}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{t(`credentials.kinds.${credential.kind}`)}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }}>{settingsSummary(credential, t)}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={credential.secretSet ? 'success' : 'warning'}
                      label={credential.secretSet ? t('credentials.secretSet') : t('credentials.secretNotSet')}
                    />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <ActionButton label={t('credentials.replaceFor', { name: credential.name })} onClick={() => setDialog({ type: 'replace', credential })}>
                      <KeyIcon fontSize="small" />
                    </ActionButton>
                    <ActionButton label={t('credentials.detachFor', { name: credential.name })} onClick={() => void detach(credential)}>
                      <LinkOffIcon fontSize="small" />
                    </ActionButton>
                    <ActionButton label={t('credentials.deleteFor', { name: credential.name })} onClick={() => setDialog({ type: 'delete', credential })}>
                      <DeleteOutlinedIcon fontSize="small" />
                    </ActionButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {dialog?.type === 'create' ? (
        <CredentialDialog
          title={t('credentials.createTitle', { name: asset.name })}
          initial={emptyCredentialValues('ssh-password', `${asset.name} ${t('credentials.kinds.ssh-password')}`)}
          suggestName={(kind) => `${asset.name} ${t(`credentials.kinds.${kind}`)}`}
          onSave={async (name, spec) => {
            await api.call('credentials.create', { name, spec, assetIds: [asset.id] });
            reload();
            announce(t('credentials.saved', { name }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.type === 'replace' ? (
        <CredentialDialog
          title={t('credentials.replaceTitle', { name: dialog.credential.name })}
          intro={t('credentials.replaceIntro')}
          initial={valuesFromCredential(dialog.credential)}
          kindFixed
          onSave={async (name, spec) => {
            await api.call('credentials.update', { id: dialog.credential.id, ...(name !== dialog.credential.name ? { name } : {}), spec });
            reload();
            announce(t('credentials.saved', { name }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.type === 'attach' ? (
        <AttachCredentialDialog
          asset={asset}
          attachedIds={(credentials ?? []).map((credential) => credential.id)}
          onAttached={async (credential) => {
            reload();
            announce(t('credentials.attached', { name: credential.name }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.type === 'delete' ? (
        <ConfirmDialog
          title={t('credentials.deleteTitle', { name: dialog.credential.name })}
          body={
            <>
              {t('credentials.deleteBody')}
              {dialog.credential.assetIds.length > 1 ? ` ${t('credentials.deleteShared', { count: dialog.credential.assetIds.length })}` : ''}
            </>
          }
          confirmLabel={t('credentials.delete')}
          cancelLabel={t('credentials.cancel')}
          onConfirm={async () => {
            await api.call('credentials.delete', { id: dialog.credential.id });
            reload();
            announce(t('credentials.deleted', { name: dialog.credential.name }));
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Section>
  );
}

function ActionButton({ label, onClick, children }: { label: string; onClick(): void; children: ReactNode }) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        {children}
      </IconButton>
    </Tooltip>
  );
}

/** The non-secret settings in one line: "v2c, port 161", "admin, authPriv, port 161", "root, port 22". */
export function settingsSummary(credential: Credential, t: TFunction): string {
  const settings = credential.settings;
  const port = String(settings['port'] ?? '');
  const username = String(settings['username'] ?? '');
  switch (credential.kind) {
    case 'snmp-community':
      return t('credentials.summary.community', { version: String(settings['version'] ?? ''), port });
    case 'snmp-v3':
      return t('credentials.summary.v3', { username, level: String(settings['securityLevel'] ?? ''), port });
    case 'ssh-password':
    case 'ssh-key':
      return t('credentials.summary.ssh', { username, port });
  }
}
