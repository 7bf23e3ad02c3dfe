import AddLinkIcon from '@mui/icons-material/AddLink';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Chip, IconButton, List, ListItem, ListItemText, Stack, Tooltip, Typography, Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigBackupSummary } from '@shared/domain/checks';
import type { EvidenceLink } from '@shared/domain/incidents';
import { api } from '../../../api';
import { reportError } from '../../../app/errors/report-error';
import { formatDateTime } from '../../../i18n/format';
import { Section } from '../../assets/detail/Section';
import { ResultDialog } from '../../checks/ui/ResultDialog';
import { ConfigVersionDialog } from '../../config-backups/ConfigDialogs';
import type { AssetLabel } from '../../assets/asset-names.store';
import { LinkEvidenceDialog } from './LinkEvidenceDialog';

interface Props {
  incidentId: string;
  evidence: readonly EvidenceLink[];
  assets: readonly AssetLabel[];
  readOnly: boolean;
  onChanged(): void;
}

/** 证据: check results and configuration versions that show the fault, each opened as it was stored. */
export function EvidenceSection({ incidentId, evidence, assets, readOnly, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [linking, setLinking] = useState(false);
  const [viewing, setViewing] = useState<{ kind: 'check-result'; id: string } | { kind: 'config-backup'; backup: ConfigBackupSummary } | null>(null);

  async function view(link: EvidenceLink) {
    if (link.kind === 'check-result') setViewing({ kind: 'check-result', id: link.targetId });
    else if (link.kind === 'config-backup') {
      try {
        setViewing({ kind: 'config-backup', backup: await api.call('configBackups.get', { id: link.targetId }) });
      } catch (error) {
        reportError(error);
      }
    }
  }

  async function unlink(link: EvidenceLink) {
    try {
      await api.call('incidents.unlinkEvidence', { id: link.id });
      onChanged();
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Section
      title={t('incidents.evidence.title')}
      action={
        readOnly ? null : (
          <Button size="small" startIcon={<AddLinkIcon />} onClick={() => setLinking(true)}>
            {t('incidents.evidence.link')}
          </Button>
        )
      }
    >
      {evidence.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('incidents.evidence.empty')}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={t('incidents.evidence.title')}>
          {evidence.map((link) => (
            <ListItem
              key={link.id}
              disableGutters
              secondaryAction={
                <Stack direction="row" spacing={0.5}>
                  {link.kind === 'round-item' ? null : (
                    <Tooltip title={t('incidents.evidence.view')}>
                      <IconButton size="small" aria-label={t('incidents.evidence.viewNamed', { label: link.label })} onClick={() => void view(link)}>
                        <VisibilityIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  )}
                  {readOnly ? null : (
                    <Tooltip title={t('incidents.evidence.remove')}>
                      <IconButton size="small" aria-label={t('incidents.evidence.removeNamed', { label: link.label })} onClick={() => void unlink(link)}>
                        <LinkOffIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  )}
                </Stack>
              }
              sx={{ pr: 10 }}
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Chip size="small" variant="outlined" label={t(`incidents.evidence.kinds.${link.kind}`)} />
                    <span>{link.label}</span>
                  </Stack>
                }
                secondary={t('incidents.evidence.linkedAt', { at: formatDateTime(link.createdAt, i18n.language) })}
              />
            </ListItem>
          ))}
        </List>
      )}
      {linking ? (
        <LinkEvidenceDialog
          incidentId={incidentId}
          assets={assets}
          linkedIds={new Set(evidence.map((link) => link.targetId))}
          onLinked={onChanged}
          onClose={() => setLinking(false)}
        />
      ) : null}
      {viewing?.kind === 'check-result' ? <ResultDialog resultId={viewing.id} onClose={() => setViewing(null)} /> : null}
      {viewing?.kind === 'config-backup' ? <ConfigVersionDialog backup={viewing.backup} onClose={() => setViewing(null)} /> : null}
    </Section>
  );
}
