import { MenuItem, TextField } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocations } from '../locations/locations.store';

interface Props {
  clientId: string | null;
  siteId: string | null;
  onChange(scope: { clientId: string | null; siteId: string | null }): void;
  clientProblem?: string | undefined;
  siteProblem?: string | undefined;
  /** Names to show when the plan's client or site is no longer in the tree (deleted meanwhile). */
  fallback?: { clientName: string; siteName: string | null };
  disabled?: boolean;
}

/** Which client a plan belongs to and, optionally, which of its sites; none means every site. */
export function ScopeFields({ clientId, siteId, onChange, clientProblem, siteProblem, fallback, disabled }: Props) {
  const { t } = useTranslation();
  const tree = useLocations((state) => state.tree);
  const load = useLocations((state) => state.load);

  useEffect(() => {
    if (useLocations.getState().tree === null) void load();
  }, [load]);

  const clients = tree?.clients ?? [];
  const client = clients.find((c) => c.id === clientId);
  const sites = client?.sites ?? [];
  const clientMissing = clientId !== null && !client;
  const siteMissing = siteId !== null && !sites.some((s) => s.id === siteId);

  return (
    <>
      <TextField
        select
        required
        fullWidth
        label={t('plans.fields.client')}
        value={clientId ?? ''}
        onChange={(event) => onChange({ clientId: event.target.value || null, siteId: null })}
        error={!!clientProblem}
        helperText={clientProblem ?? (tree && clients.length === 0 ? t('plans.noClients') : ' ')}
        disabled={disabled}
      >
        {clientMissing ? <MenuItem value={clientId}>{fallback?.clientName || clientId}</MenuItem> : null}
        {clients.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth
        label={t('plans.fields.site')}
        value={siteId ?? ''}
        onChange={(event) => onChange({ clientId, siteId: event.target.value || null })}
        error={!!siteProblem}
        helperText={siteProblem ?? ' '}
        disabled={disabled || clientId === null}
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      >
        <MenuItem value="">{t('plans.allSites')}</MenuItem>
        {siteMissing ? <MenuItem value={siteId}>{fallback?.siteName || siteId}</MenuItem> : null}
        {sites.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.name}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}
