import DeleteIcon from '@mui/icons-material/Delete';
import { Autocomplete, Box, IconButton, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FaultCandidate, TypicalFault } from '@shared/domain/reports';
import { formatDateTime } from '../../i18n/format';

/** Section 4: incidents of the period picked as typical faults, their story filled from the resolution and editable. */
export function TypicalFaultsEditor({ candidates, faults, onChange }: { candidates: FaultCandidate[]; faults: TypicalFault[]; onChange: (faults: TypicalFault[]) => void }) {
  const { t, i18n } = useTranslation();
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const chosen = new Set(faults.map((fault) => fault.incidentId));
  const available = candidates.filter((candidate) => !chosen.has(candidate.id));
  const update = (index: number, patch: Partial<TypicalFault>) => onChange(faults.map((fault, i) => (i === index ? { ...fault, ...patch } : fault)));
  const add = (candidate: FaultCandidate) =>
    onChange([
      ...faults,
      {
        incidentId: candidate.id,
        happened: candidate.description ? `${candidate.title}\n${candidate.description}` : candidate.title,
        cause: candidate.cause,
        fix: candidate.method,
      },
    ]);

  return (
    <Stack spacing={2}>
      {candidates.length === 0 ? (
        <Typography color="text.secondary">{t('reports.faults.noCandidates')}</Typography>
      ) : (
        <Autocomplete
          options={available}
          value={null}
          blurOnSelect
          clearOnBlur
          getOptionLabel={(option) => `${option.number} ${option.title}`}
          renderOption={(props, option) => (
            <li {...props} key={option.id}>
              <Box>
                <Typography variant="body2">
                  {option.number} · {option.title}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {[t(`reports.categories.${option.category}`), option.priority, formatDateTime(option.reportedAt, i18n.language), option.cause ? t('reports.faults.hasCause') : t('reports.faults.noCause')].join(' · ')}
                </Typography>
              </Box>
            </li>
          )}
          onChange={(_, option) => {
            if (option) add(option);
          }}
          renderInput={(params) => <TextField {...params} label={t('reports.faults.add')} helperText={t('reports.faults.addHelp', { count: candidates.length })} />}
        />
      )}
      {faults.length === 0 && candidates.length > 0 ? <Typography color="text.secondary">{t('reports.faults.none')}</Typography> : null}
      {faults.map((fault, index) => {
        const incident = byId.get(fault.incidentId);
        return (
          <Paper key={fault.incidentId} variant="outlined" sx={{ p: 2 }} component="section" aria-label={incident ? `${incident.number} ${incident.title}` : fault.incidentId}>
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="subtitle1" component="h4">
                {incident ? `${incident.number} · ${incident.title}` : t('reports.faults.missing')}
              </Typography>
              <Tooltip title={t('reports.faults.remove')}>
                <IconButton aria-label={t('reports.faults.remove')} onClick={() => onChange(faults.filter((_, i) => i !== index))}>
                  <DeleteIcon />
                </IconButton>
              </Tooltip>
            </Stack>
            <Stack spacing={2}>
              <TextField label={t('reports.faults.happened')} multiline minRows={2} value={fault.happened} onChange={(event) => update(index, { happened: event.target.value })} />
              <TextField label={t('reports.faults.cause')} multiline minRows={2} value={fault.cause} onChange={(event) => update(index, { cause: event.target.value })} />
              <TextField label={t('reports.faults.fix')} multiline minRows={2} value={fault.fix} onChange={(event) => update(index, { fix: event.target.value })} />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
