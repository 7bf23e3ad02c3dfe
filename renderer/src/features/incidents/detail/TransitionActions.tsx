import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@shared/domain/incidents';
import { api } from '../../../api';
import { reportError } from '../../../app/errors/report-error';
import { announce } from '../../assets/confirmations';
import { transitionOptions, type TransitionOption } from './transition-actions';
import { TransitionDialog } from './TransitionDialog';

/**
 * One button per move the domain allows from the current status, the usual
 * next step first and filled. Moves that need words open a dialog; the rest
 * happen at once.
 */
export function TransitionActions({ incident, onMoved }: { incident: Incident; onMoved(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<TransitionOption | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const options = transitionOptions(incident.status).sort((a, b) => Number(b.primary) - Number(a.primary));

  const moved = (updated: Incident) => {
    announce(t('incidents.actions.moved', { number: updated.number, status: t(`incidents.statuses.${updated.status}`) }));
    onMoved();
  };

  async function run(option: TransitionOption) {
    if (option.asks) {
      setAsking(option);
      return;
    }
    setBusy(option.to);
    try {
      moved(await api.call('incidents.transition', { id: incident.id, to: option.to }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {options.map((option) => (
        <Button
          key={option.to}
          variant={option.primary ? 'contained' : 'outlined'}
          loading={busy === option.to}
          disabled={busy !== null && busy !== option.to}
          onClick={() => void run(option)}
        >
          {t(`incidents.actions.${option.action}`)}
        </Button>
      ))}
      {asking ? <TransitionDialog incident={incident} option={asking} onDone={moved} onClose={() => setAsking(null)} /> : null}
    </>
  );
}
