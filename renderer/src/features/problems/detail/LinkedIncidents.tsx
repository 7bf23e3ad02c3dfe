import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Autocomplete, IconButton, Link, List, ListItem, ListItemText, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ProblemDetail } from '@shared/domain/problems';
import { api } from '../../../api';
import { describeError } from '../../../app/errors/describe-error';
import { ErrorAlert } from '../../../app/errors/ErrorAlert';

interface Props {
  detail: ProblemDetail;
  onChanged(detail: ProblemDetail): void;
}

interface IncidentOption {
  id: string;
  number: string;
  title: string;
}

/**
 * The incidents this problem explains (many incidents, one problem), each a
 * link to its page, and a picker that searches incidents by number or title
 * to link another.
 */
export function LinkedIncidents({ detail, onChanged }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problemId = detail.problem.id;

  async function run(work: () => Promise<ProblemDetail>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={1.5}>
      {detail.incidents.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('problems.incidents.none')}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={t('problems.incidents.title')}>
          {detail.incidents.map((incident) => {
            const name = incident.number ?? incident.incidentId.slice(0, 8);
            return (
              <ListItem
                key={incident.incidentId}
                disableGutters
                secondaryAction={
                  <Tooltip title={t('problems.incidents.unlink', { number: name })}>
                    <IconButton
                      edge="end"
                      aria-label={t('problems.incidents.unlink', { number: name })}
                      disabled={busy}
                      onClick={() => void run(() => api.call('problems.unlinkIncident', { problemId, incidentId: incident.incidentId }))}
                    >
                      <LinkOffIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                }
              >
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={`/incidents/${incident.incidentId}`}>
                      {name}
                    </Link>
                  }
                  secondary={incident.title ?? t('problems.incidents.unavailable')}
                />
              </ListItem>
            );
          })}
        </List>
      )}
      <IncidentPicker
        exclude={detail.incidents.map((incident) => incident.incidentId)}
        disabled={busy}
        onPick={(incidentId) => void run(() => api.call('problems.linkIncident', { problemId, incidentId }))}
      />
      {error ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}

function IncidentPicker({ exclude, disabled, onPick }: { exclude: string[]; disabled: boolean; onPick(incidentId: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<IncidentOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .call('incidents.list', { filter: { search: text.trim() }, limit: 20 })
        .then(
          (page) => {
            if (!current) return;
            setSearchError(null);
            setOptions(page.rows.map((incident) => ({ id: incident.id, number: incident.number, title: incident.title })));
          },
          (caught: unknown) => {
            // The incident log may be unavailable; say so under the field instead of offering nothing silently.
            if (!current) return;
            setSearchError(caught);
            setOptions([]);
          },
        )
        .finally(() => {
          if (current) setLoading(false);
        });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <Autocomplete<IncidentOption, false, false, false>
      value={null}
      onChange={(_event, picked) => {
        if (picked) onPick(picked.id);
        setText('');
      }}
      inputValue={text}
      onInputChange={(_event, next, reason) => {
        if (reason === 'input' || reason === 'clear') setText(next);
      }}
      options={options.filter((option) => !exclude.includes(option.id))}
      filterOptions={(all) => all}
      getOptionLabel={(option) => `${option.number} ${option.title}`}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      disabled={disabled}
      loading={loading}
      loadingText={t('problems.incidents.searching')}
      noOptionsText={t('problems.incidents.noOptions')}
      openText={t('problems.assetPicker.open')}
      closeText={t('problems.assetPicker.close')}
      clearText={t('problems.assetPicker.clear')}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <li key={key} {...rest}>
            <span>
              <span style={{ fontFamily: 'monospace' }}>{option.number}</span> {option.title}
            </span>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={t('problems.incidents.link')}
          placeholder={t('problems.incidents.placeholder')}
          error={searchError !== null}
          helperText={searchError ? t('problems.incidents.searchFailed', { reason: describeError(searchError, t).text }) : ' '}
        />
      )}
    />
  );
}
