import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Grid, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_KINDS, SNMP_AUTH_PROTOCOLS, SNMP_PRIV_PROTOCOLS, type CredentialKind, type CredentialSpec } from '@shared/domain/credentials';
import { isApiClientError } from '../../api';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import {
  fieldsOfKind,
  SECRET_FIELDS,
  validateCredential,
  withKind,
  type CredentialField,
  type CredentialFormValues,
  type CredentialProblems,
} from './credential-form';

interface Props {
  title: string;
  intro?: string;
  initial: CredentialFormValues;
  /** Replacing keeps the kind of the stored credential. */
  kindFixed?: boolean;
  /** The suggested name for a kind; it follows the kind until the user types a name of their own. */
  suggestName?: (kind: CredentialKind) => string;
  onSave(name: string, spec: CredentialSpec): Promise<void>;
  onClose(): void;
}

const SECRETS: readonly CredentialField[] = SECRET_FIELDS;
/** Columns (of 12) per input: short settings side by side, secrets across. */
const FIELD_WIDTH: Partial<Record<CredentialField, number>> = { username: 7, port: 5, version: 7, authProtocol: 5, authKey: 7, privProtocol: 5, privKey: 7 };

/**
 * Adds a credential or replaces its secret. Secret inputs are password
 * fields that start empty, are never filled from anything stored, and are
 * gone with the dialog once it closes: after saving, the UI only knows that
 * a secret is set.
 */
export function CredentialDialog({ title, intro, initial, kindFixed = false, suggestName, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverProblems, setServerProblems] = useState<CredentialProblems>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusField, setFocusField] = useState<{ field: CredentialField } | null>(null);

  useEffect(() => {
    if (!focusField) return;
    const wrapper = formRef.current?.querySelector(`[data-field="${focusField.field}"]`);
    wrapper?.querySelector<HTMLElement>('input:not([type="hidden"]):not([aria-hidden="true"]), textarea:not([aria-hidden="true"]), [role="combobox"]')?.focus();
  }, [focusField]);

  const checked = validateCredential(values);
  const problems: CredentialProblems = { ...(attempted ? checked.problems : {}), ...serverProblems };
  const shown = fieldsOfKind(values);

  const change = (patch: Partial<CredentialFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setServerError(null);
    if ('name' in patch) setServerProblems({});
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const result = validateCredential(values);
    if (!result.spec) {
      const first = (['name', ...fieldsOfKind(values)] as CredentialField[]).find((field) => result.problems[field]);
      if (first) setFocusField({ field: first });
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      await onSave(result.name, result.spec);
      onClose();
    } catch (error) {
      setBusy(false);
      if (isApiClientError(error) && error.code === 'credentials.duplicate-name') {
        setServerProblems({ name: { key: 'duplicateName' } });
        setFocusField({ field: 'name' });
      } else setServerError(error);
    }
  }

  const problemText = (field: CredentialField) => {
    const problem = problems[field];
    return problem ? t(`credentials.problems.${problem.key}`, { ...problem.values }) : undefined;
  };

  const input = (field: CredentialField) => {
    const problem = problemText(field);
    const common = {
      fullWidth: true,
      label: t(`credentials.fields.${field}`),
      error: problem !== undefined,
      'data-field': field,
    };
    switch (field) {
      case 'version':
        return (
          <TextField select {...common} helperText={problem ?? ' '} value={values.version} onChange={(event) => change({ version: event.target.value as 'v1' | 'v2c' })}>
            <MenuItem value="v1">v1</MenuItem>
            <MenuItem value="v2c">v2c</MenuItem>
          </TextField>
        );
      case 'securityLevel':
        return (
          <TextField
            select
            {...common}
            helperText={problem ?? ' '}
            value={values.securityLevel}
            onChange={(event) => change({ securityLevel: event.target.value as CredentialFormValues['securityLevel'] })}
          >
            {(['noAuthNoPriv', 'authNoPriv', 'authPriv'] as const).map((level) => (
              <MenuItem key={level} value={level}>
                {t(`credentials.levels.${level}`)}
              </MenuItem>
            ))}
          </TextField>
        );
      case 'authProtocol':
      case 'privProtocol': {
        const protocols = field === 'authProtocol' ? SNMP_AUTH_PROTOCOLS : SNMP_PRIV_PROTOCOLS;
        return (
          <TextField select {...common} helperText={problem ?? ' '} value={values[field]} onChange={(event) => change({ [field]: event.target.value })}>
            <MenuItem value="">
              <em>{t('credentials.protocolNone')}</em>
            </MenuItem>
            {protocols.map((protocol) => (
              <MenuItem key={protocol} value={protocol}>
                {protocol.toUpperCase()}
              </MenuItem>
            ))}
          </TextField>
        );
      }
      default: {
        const secret = SECRETS.includes(field);
        return (
          <TextField
            {...common}
            value={values[field]}
            onChange={(event) => change({ [field]: event.target.value })}
            type={secret && field !== 'privateKey' ? 'password' : field === 'port' ? 'number' : 'text'}
            multiline={field === 'privateKey'}
            minRows={field === 'privateKey' ? 4 : undefined}
            helperText={problem ?? (field === 'enableSecret' ? t('credentials.enableSecretHint') : secret ? t('credentials.secretHint') : ' ')}
            autoComplete={secret ? 'new-password' : 'off'}
            slotProps={{
              htmlInput: {
                spellCheck: false,
                ...(field === 'port' ? { min: 1, max: 65535 } : {}),
                ...(field === 'privateKey' ? { style: { fontFamily: 'monospace', fontSize: '0.8rem' } } : {}),
              },
            }}
          />
        );
      }
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} autoComplete="off">
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={1}>
            {intro ? <DialogContentText sx={{ mb: 1 }}>{intro}</DialogContentText> : null}
            <Grid container columnSpacing={2} rowSpacing={0.5} sx={{ pt: 1 }}>
              <Grid size={{ xs: 12, sm: 7 }}>
                <TextField
                  fullWidth
                  autoFocus
                  required
                  label={t('credentials.fields.name')}
                  value={values.name}
                  onChange={(event) => change({ name: event.target.value })}
                  error={problems.name !== undefined}
                  helperText={problemText('name') ?? ' '}
                  data-field="name"
                  autoComplete="off"
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 5 }}>
                <TextField
                  select
                  fullWidth
                  label={t('credentials.fields.kind')}
                  value={values.kind}
                  disabled={kindFixed}
                  onChange={(event) =>
                    setValues((current) => {
                      const kind = event.target.value as CredentialKind;
                      const next = withKind(current, kind);
                      return suggestName && current.name === suggestName(current.kind) ? { ...next, name: suggestName(kind) } : next;
                    })
                  }
                  helperText=" "
                >
                  {CREDENTIAL_KINDS.map((kind) => (
                    <MenuItem key={kind} value={kind}>
                      {t(`credentials.kinds.${kind}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              {shown.map((field) => (
                <Grid key={field} size={{ xs: 12, sm: FIELD_WIDTH[field] ?? 12 }}>
                  {input(field)}
                </Grid>
              ))}
            </Grid>
            {serverError ? <ErrorAlert error={serverError} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('credentials.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {t('credentials.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
