import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiClientError } from '../../api';
import { describeError } from '../../app/errors/describe-error';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { PURPOSE_MAX, VLAN_MAX, VLAN_MIN, checkSubnetDraft, draftOf, emptyDraft, subnetPatch, type SubnetDraft, type SubnetFieldName, type SubnetValues } from './subnet-form';

interface Props {
  /** The site the subnet belongs to, shown so the engineer sees where it lands. */
  siteName: string;
  /** Editing: the subnet as it is now. */
  subnet?: SubnetValues & { id: string };
  onCreate?(values: SubnetValues): Promise<void>;
  onUpdate?(id: string, patch: ReturnType<typeof subnetPatch>): Promise<void>;
  onClose(): void;
}

/** Which field a refusal from core is about, so it is marked and focused. */
function fieldOfError(error: unknown): SubnetFieldName | null {
  if (!isApiClientError(error)) return null;
  if (error.code === 'subnets.overlap') return 'cidr';
  if (error.code === 'subnets.gateway-outside') return 'gateway';
  const details = error.details as { field?: unknown; issues?: { path?: unknown }[] } | undefined;
  const field = typeof details?.field === 'string' ? details.field : details?.issues?.[0]?.path;
  const name = Array.isArray(field) ? field.at(-1) : field;
  return name === 'cidr' || name === 'vlan' || name === 'gateway' || name === 'purpose' ? name : null;
}

/**
 * Add and edit share one dialog. The form is checked with the shared schemas
 * before core is asked; what only core knows (an overlap with another subnet,
 * a gateway outside the range, a site deleted meanwhile) is shown here too,
 * on the field it concerns, so nothing typed is lost.
 * Rendered only while open, so each opening starts fresh.
 */
export function SubnetDialog({ siteName, subnet, onCreate, onUpdate, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [draft, setDraft] = useState<SubnetDraft>(() => (subnet ? draftOf(subnet) : emptyDraft()));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const refs = {
    cidr: useRef<HTMLInputElement>(null),
    vlan: useRef<HTMLInputElement>(null),
    gateway: useRef<HTMLInputElement>(null),
    purpose: useRef<HTMLInputElement>(null),
  };
  const errorField = fieldOfError(serverError);
  const { values, problems } = checkSubnetDraft(draft);

  // After a refusal, focus goes to the field to fix (the alert is announced either way).
  useEffect(() => {
    if (serverError) (errorField ? refs[errorField] : refs.cidr).current?.focus();
    // The refs object is rebuilt each render; the elements it points to are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverError, errorField]);

  const change = (field: SubnetFieldName) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setServerError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!values || busy) {
      const first = (['cidr', 'vlan', 'gateway', 'purpose'] as const).find((field) => problems[field]);
      if (first) refs[first].current?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      if (subnet) {
        const patch = subnetPatch(subnet, values);
        if (Object.keys(patch).length > 0) await onUpdate?.(subnet.id, patch);
      } else await onCreate?.(values);
      onClose();
    } catch (error) {
      setServerError(error);
      setBusy(false);
    }
  }

  const field = (name: SubnetFieldName) => {
    const problem = attempted || name === 'purpose' ? problems[name] : undefined;
    const flagged = problem !== undefined || errorField === name;
    const text = problem
      ? t(`ipPlan.validation.${problem}`, { min: VLAN_MIN, max: name === 'purpose' ? PURPOSE_MAX : VLAN_MAX })
      : errorField === name
        ? describeError(serverError, t).message
        : t(`ipPlan.dialog.help.${name}`);
    return { error: flagged, helperText: text, inputRef: refs[name], value: draft[name], onChange: (event: { target: { value: string } }) => change(name)(event.target.value) };
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{subnet ? t('ipPlan.dialog.editTitle', { cidr: subnet.cidr }) : t('ipPlan.dialog.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1}>
            <DialogContentText>{t('ipPlan.dialog.site', { name: siteName })}</DialogContentText>
            <TextField
              label={t('ipPlan.fields.cidr')}
              required
              autoFocus
              fullWidth
              margin="dense"
              autoComplete="off"
              slotProps={{ htmlInput: { spellCheck: false } }}
              {...field('cidr')}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label={t('ipPlan.fields.vlan')}
                margin="dense"
                autoComplete="off"
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                {...field('vlan')}
              />
              <TextField
                label={t('ipPlan.fields.gateway')}
                margin="dense"
                autoComplete="off"
                sx={{ flex: 2 }}
                slotProps={{ htmlInput: { spellCheck: false } }}
                {...field('gateway')}
              />
            </Stack>
            <TextField label={t('ipPlan.fields.purpose')} fullWidth margin="dense" autoComplete="off" {...field('purpose')} />
            {serverError ? <ErrorAlert error={serverError} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('ipPlan.dialog.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={busy}>
            {subnet ? t('ipPlan.dialog.save') : t('ipPlan.dialog.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
