import AccessTimeIcon from '@mui/icons-material/AccessTime';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import PersonOutlinedIcon from '@mui/icons-material/PersonOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyPlan, PlanContact } from '@shared/domain/emergency-plans';
import { MarkdownView } from '../knowledge/MarkdownView';
import { CopyButton } from './CopyButton';
import { loadTicks, saveTicks, sessionTickStorage, tickKey } from './step-ticks';

/**
 * A plan for reading during an incident: big steps to tick off in order, who
 * to call and when, every number one click from the clipboard.
 */
export function PlanReader({ plan }: { plan: EmergencyPlan }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={3}>
      {plan.triggerConditions || plan.objective ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          {plan.triggerConditions ? <TextBlock title={t('plans.fields.triggerConditions')} text={plan.triggerConditions} /> : null}
          {plan.objective ? <TextBlock title={t('plans.fields.objective')} text={plan.objective} /> : null}
        </Box>
      ) : null}
      <StepChecklist plan={plan} />
      <CallList plan={plan} />
      <ContactsTable contacts={plan.contacts} />
      {plan.strategies ? (
        <ReaderSection title={t('plans.fields.strategies')}>
          <MarkdownView markdown={plan.strategies} />
        </ReaderSection>
      ) : null}
    </Stack>
  );
}

function ReaderSection({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} className="plans-print-paper" sx={{ p: { xs: 2, md: 3 } }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id={headingId} variant="h2">
          {title}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Paper>
  );
}

function TextBlock({ title, text }: { title: string; text: string }) {
  return (
    <ReaderSection title={title}>
      <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Typography>
    </ReaderSection>
  );
}

function StepChecklist({ plan }: { plan: EmergencyPlan }) {
  const { t } = useTranslation();
  const storage = useMemo(() => sessionTickStorage(), []);
  const [state, setState] = useState(() => ({ planId: plan.id, ticks: loadTicks(storage, plan.id) }));
  // Another plan in the same page (the route's id changed): read its own ticks.
  const ticks = state.planId === plan.id ? state.ticks : loadTicks(storage, plan.id);
  const keys = plan.steps.map((step, index) => tickKey(index, step));
  const done = keys.filter((key) => ticks.has(key)).length;

  const update = (next: Set<string>) => {
    saveTicks(storage, plan.id, next);
    setState({ planId: plan.id, ticks: next });
  };
  const toggle = (key: string) => {
    const next = new Set(ticks);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    update(next);
  };

  return (
    <ReaderSection
      title={t('plans.reader.steps')}
      actions={
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary" aria-live="polite">
            {t('plans.reader.progress', { done: String(done), total: String(keys.length) })}
          </Typography>
          <Button size="small" disabled={done === 0} onClick={() => update(new Set())} className="plans-print-hidden">
            {t('plans.reader.clearTicks')}
          </Button>
        </Stack>
      }
    >
      <LinearProgress
        variant="determinate"
        value={keys.length === 0 ? 0 : (done / keys.length) * 100}
        aria-hidden
        sx={{ mb: 1, height: 6, borderRadius: 3 }}
        className="plans-print-hidden"
      />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }} className="plans-print-hidden">
        {t('plans.reader.ticksNotSaved')}
      </Typography>
      <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {plan.steps.map((step, index) => {
          const key = keys[index] as string;
          const ticked = ticks.has(key);
          const checkboxId = `plan-step-${index}`;
          return (
            <Paper
              component="li"
              key={key}
              variant="outlined"
              className="plans-print-block plans-print-paper"
              sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'flex-start', bgcolor: ticked ? 'action.selected' : undefined, transition: 'background-color 120ms' }}
            >
              <Checkbox
                id={checkboxId}
                checked={ticked}
                onChange={() => toggle(key)}
                sx={{ p: 0.5, '& .MuiSvgIcon-root': { fontSize: 36 } }}
                slotProps={{ input: { 'aria-describedby': `${checkboxId}-details` } }}
              />
              <Box sx={{ minWidth: 0, flexGrow: 1 }}>
                <Typography
                  component="label"
                  htmlFor={checkboxId}
                  sx={{ display: 'block', cursor: 'pointer', fontSize: '1.25rem', fontWeight: 600, lineHeight: 1.4, color: ticked ? 'text.secondary' : 'text.primary' }}
                >
                  {index + 1}. {step.title}
                </Typography>
                <Box id={`${checkboxId}-details`}>
                  {step.instructions ? (
                    <Typography sx={{ mt: 0.75, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '1.05rem', lineHeight: 1.7 }}>{step.instructions}</Typography>
                  ) : null}
                  <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
                    {step.responsibleRole ? <Chip size="small" icon={<PersonOutlinedIcon />} label={step.responsibleRole} /> : null}
                    {step.expectedMinutes !== null ? (
                      <Chip size="small" icon={<AccessTimeIcon />} label={t('plans.reader.minutes', { minutes: String(step.expectedMinutes) })} />
                    ) : null}
                    {step.checkItem ? (
                      <Chip size="small" color="success" variant="outlined" icon={<FactCheckOutlinedIcon />} label={t('plans.reader.checkItem', { text: step.checkItem })} sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }} />
                    ) : null}
                  </Stack>
                </Box>
              </Box>
            </Paper>
          );
        })}
      </Stack>
    </ReaderSection>
  );
}

function Phones({ contact }: { contact: PlanContact }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={0.25}>
      {contact.phones.map((phone, index) => (
        <Stack key={`${phone}-${index}`} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <Typography component="span" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', fontWeight: 600, userSelect: 'all', whiteSpace: 'nowrap' }}>
            {phone}
          </Typography>
          <CopyButton text={phone} label={t('plans.reader.copyPhone', { name: contact.name, phone })} />
        </Stack>
      ))}
    </Stack>
  );
}

function CallList({ plan }: { plan: EmergencyPlan }) {
  const { t } = useTranslation();
  const byKey = new Map(plan.contacts.map((contact) => [contact.key, contact]));
  return (
    <ReaderSection title={t('plans.reader.callList')}>
      {plan.callList.length === 0 ? (
        <Alert severity={plan.contacts.length === 0 ? 'warning' : 'info'}>{plan.contacts.length === 0 ? t('plans.reader.noContacts') : t('plans.reader.noCallList')}</Alert>
      ) : (
        <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {plan.callList.map((call, index) => {
            const contact = byKey.get(call.contactKey);
            return (
              <Paper component="li" key={`${call.contactKey}-${index}`} variant="outlined" className="plans-print-block plans-print-paper" sx={{ p: 1.5 }}>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                  <Chip color="primary" label={t('plans.reader.callAt', { minutes: String(call.afterMinutes) })} sx={{ fontWeight: 700, minWidth: 96, flexShrink: 0, alignSelf: { xs: 'flex-start', sm: 'center' } }} />
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Typography sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
                      {index + 1}. {contact?.name ?? t('plans.reader.unknownContact')}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {[contact?.role, contact?.organisation, call.note].filter(Boolean).join(' · ')}
                    </Typography>
                  </Box>
                  {contact ? <Phones contact={contact} /> : null}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </ReaderSection>
  );
}

function ContactsTable({ contacts }: { contacts: PlanContact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return null;
  // Level first, then the order the plan lists them in (sort is stable).
  const sorted = [...contacts].sort((a, b) => a.escalationLevel - b.escalationLevel);
  return (
    <ReaderSection title={t('plans.reader.contacts')}>
      <TableContainer>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('plans.fields.escalationLevel')}</TableCell>
              <TableCell>{t('plans.fields.contactName')}</TableCell>
              <TableCell>{t('plans.fields.contactRole')}</TableCell>
              <TableCell>{t('plans.fields.organisation')}</TableCell>
              <TableCell>{t('plans.fields.phones')}</TableCell>
              <TableCell>{t('plans.fields.notes')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((contact) => (
              <TableRow key={contact.key} className="plans-print-block">
                <TableCell>{t('plans.reader.level', { level: String(contact.escalationLevel) })}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{contact.name}</TableCell>
                <TableCell>{contact.role}</TableCell>
                <TableCell>{contact.organisation}</TableCell>
                <TableCell>
                  <Phones contact={contact} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{contact.notes}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </ReaderSection>
  );
}
