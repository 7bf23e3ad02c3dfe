import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { Alert, AlertTitle, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { SshHostKey } from '@shared/domain/checks';
import { api } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { useApiResource } from '../assets/use-api-resource';
import { useRecordsChanged } from '../checks/use-records-changed';
import { SettingsSection } from '../settings/SettingsSection';
import { AcceptHostKeyDialog } from './AcceptHostKeyDialog';
import { FingerprintPair } from './FingerprintPair';

/** The fragment a device's banner links to (`#/settings#ssh-host-keys`). */
export const HOST_KEYS_ANCHOR = 'ssh-host-keys';

/**
 * SSH host keys Walkdown pinned on first connection, and the changed keys
 * that block a device until a person accepts them. Changed keys come first:
 * they are the only thing here that needs anyone.
 */
export function HostKeysSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const location = useLocation();
  const anchor = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState<SshHostKey | null>(null);
  const { data, error, reload } = useApiResource<SshHostKey[]>('all', () => api.call('sshHostKeys.list', {}));
  useRecordsChanged(['sshHostKey'], reload);

  const arrived = data !== null;
  useEffect(() => {
    if (arrived && location.hash === `#${HOST_KEYS_ANCHOR}`) anchor.current?.scrollIntoView({ block: 'start' });
  }, [arrived, location.hash]);

  const pending = (data ?? []).filter((key) => key.pendingFingerprint !== null);
  const sorted = [...(data ?? [])].sort((a, b) => a.address.localeCompare(b.address, undefined, { numeric: true }) || a.port - b.port);

  return (
    <Box ref={anchor} id={HOST_KEYS_ANCHOR} sx={{ scrollMarginTop: 80 }}>
      <SettingsSection title={t('hostKeys.title')}>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('hostKeys.intro')}
          </Typography>
          {error ? <ErrorAlert error={error} action={{ label: t('app.retry'), run: reload }} /> : null}
          {pending.length > 0 ? (
            <Stack spacing={1.5} component="section" aria-label={t('hostKeys.pending.title')}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {t('hostKeys.pending.title')}
              </Typography>
              {pending.map((key) => {
                const target = `${key.address}:${key.port}`;
                return (
                  <Alert key={target} severity="warning" icon={<GppMaybeIcon />} variant="outlined" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
                    <AlertTitle>{t('hostKeys.pending.device', { target })}</AlertTitle>
                    <Stack spacing={1.5}>
                      <FingerprintPair hostKey={key} />
                      <Box>
                        <Button variant="contained" color="warning" size="small" onClick={() => setConfirming(key)}>
                          {t('hostKeys.acceptFor', { target })}
                        </Button>
                      </Box>
                    </Stack>
                  </Alert>
                );
              })}
            </Stack>
          ) : null}
          {data === null ? null : data.length === 0 ? (
            <Typography>{t('hostKeys.empty')}</Typography>
          ) : (
            <Paper variant="outlined">
              <TableContainer>
                <Table size="small" aria-label={t('hostKeys.pinnedTitle')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('hostKeys.columns.address')}</TableCell>
                      <TableCell align="right">{t('hostKeys.columns.port')}</TableCell>
                      <TableCell>{t('hostKeys.columns.type')}</TableCell>
                      <TableCell>{t('hostKeys.columns.fingerprint')}</TableCell>
                      <TableCell>{t('hostKeys.columns.pinned')}</TableCell>
                      <TableCell>{t('hostKeys.columns.state')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {sorted.map((key) => (
                      <TableRow key={`${key.address}:${key.port}`}>
                        <TableCell sx={{ fontFamily: 'monospace' }}>{key.address}</TableCell>
                        <TableCell align="right">{key.port}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{key.keyType}</TableCell>
                        <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8rem', overflowWrap: 'anywhere', maxWidth: 320 }}>{key.fingerprint}</TableCell>
                        <TableCell>
                          {formatDateTime(key.pinnedAt, language)}
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {key.pinnedBy}
                          </Typography>
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {key.pendingFingerprint ? (
                            <Typography variant="body2" color="warning.main" sx={{ fontWeight: 600 }}>
                              {t('hostKeys.state.changed')}
                            </Typography>
                          ) : (
                            t('hostKeys.state.pinned')
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </Paper>
          )}
        </Stack>
      </SettingsSection>
      {confirming ? <AcceptHostKeyDialog hostKey={confirming} onClose={() => setConfirming(null)} onAccepted={reload} /> : null}
    </Box>
  );
}
