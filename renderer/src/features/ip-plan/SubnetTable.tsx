import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import {
  Box,
  Collapse,
  IconButton,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssetLinks } from './AssetLinks';
import { AddressCount } from './AddressCount';
import { formatCount, formatShare, hostBits, usageOf } from './ip-format';
import type { PlannedSubnet } from './IpPlanPage';

interface Props {
  subnets: readonly PlannedSubnet[];
  onEdit(subnet: PlannedSubnet): void;
  onDelete(subnet: PlannedSubnet): void;
}

/** The site's subnets with their use; a row opens to the addresses in use and who uses them. */
export function SubnetTable({ subnets, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('ipPlan.table.label')} sx={{ minWidth: 900, '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 48 }} aria-label={t('ipPlan.table.expand')} />
            <TableCell>{t('ipPlan.fields.cidr')}</TableCell>
            <TableCell>{t('ipPlan.fields.vlan')}</TableCell>
            <TableCell>{t('ipPlan.fields.gateway')}</TableCell>
            <TableCell>{t('ipPlan.fields.purpose')}</TableCell>
            <TableCell align="right">{t('ipPlan.table.size')}</TableCell>
            <TableCell align="right">{t('ipPlan.table.used')}</TableCell>
            <TableCell align="right">{t('ipPlan.table.free')}</TableCell>
            <TableCell sx={{ width: 160 }}>{t('ipPlan.table.usage')}</TableCell>
            <TableCell align="right" sx={{ width: 96 }}>
              {t('ipPlan.table.actions')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {subnets.map((subnet) => (
            <SubnetRow key={subnet.id} subnet={subnet} expanded={open.has(subnet.id)} onToggle={() => toggle(subnet.id)} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function SubnetRow({
  subnet,
  expanded,
  onToggle,
  onEdit,
  onDelete,
}: {
  subnet: PlannedSubnet;
  expanded: boolean;
  onToggle(): void;
  onEdit: Props['onEdit'];
  onDelete: Props['onDelete'];
}) {
  const { t, i18n } = useTranslation();
  const usage = usageOf(subnet);
  const count = (value: number) => formatCount(value, i18n.language);
  const detailsId = `subnet-${subnet.id}-addresses`;
  const expandLabel = t(expanded ? 'ipPlan.table.hideAddresses' : 'ipPlan.table.showAddresses', { cidr: subnet.cidr });
  const editLabel = t('ipPlan.table.edit', { cidr: subnet.cidr });
  const deleteLabel = t('ipPlan.table.delete', { cidr: subnet.cidr });
  const usageText = t('ipPlan.table.usageValue', { share: formatShare(usage, i18n.language) });
  return (
    <Fragment>
      <TableRow hover sx={{ '& > td, & > th': { borderBottom: expanded ? 'none' : undefined } }}>
        <TableCell>
          <IconButton size="small" aria-label={expandLabel} aria-expanded={expanded} aria-controls={detailsId} onClick={onToggle}>
            {expanded ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {subnet.cidr}
        </TableCell>
        <TableCell>{subnet.vlan ?? '—'}</TableCell>
        <TableCell sx={{ fontFamily: subnet.gateway ? 'monospace' : undefined, whiteSpace: 'nowrap' }}>{subnet.gateway ?? '—'}</TableCell>
        <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 120 }}>{subnet.purpose || '—'}</TableCell>
        <TableCell align="right">
          <AddressCount value={subnet.size} power={hostBits(subnet.cidr)} />
        </TableCell>
        <TableCell align="right">{count(subnet.used.length)}</TableCell>
        <TableCell align="right">
          <AddressCount value={subnet.free} power={hostBits(subnet.cidr)} approximate />
        </TableCell>
        <TableCell>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LinearProgress
              variant="determinate"
              value={Math.min(100, Math.round(usage * 1000) / 10)}
              color={usage >= 0.95 ? 'error' : usage >= 0.8 ? 'warning' : 'primary'}
              aria-label={t('ipPlan.table.usageOf', { cidr: subnet.cidr })}
              aria-valuetext={usageText}
              sx={{ flex: 1, height: 8, borderRadius: 4 }}
            />
            <Typography variant="caption" sx={{ minWidth: 36, textAlign: 'right' }}>
              {formatShare(usage, i18n.language)}
            </Typography>
          </Stack>
        </TableCell>
        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
          <Tooltip title={editLabel}>
            <IconButton size="small" aria-label={editLabel} onClick={() => onEdit(subnet)}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={deleteLabel}>
            <IconButton size="small" aria-label={deleteLabel} onClick={() => onDelete(subnet)}>
              <DeleteOutlinedIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={10} sx={{ py: 0, ...(expanded ? {} : { borderBottom: 'none' }) }}>
          <Collapse in={expanded} unmountOnExit>
            <Box id={detailsId} sx={{ py: 1.5, pl: 6 }}>
              {subnet.used.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('ipPlan.table.noAddresses')}
                </Typography>
              ) : (
                <Table size="small" aria-label={t('ipPlan.table.addressesOf', { cidr: subnet.cidr })}>
                  <TableHead>
                    <TableRow>
                      <TableCell sx={{ width: 220 }}>{t('ipPlan.table.address')}</TableCell>
                      <TableCell>{t('ipPlan.table.assets')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {subnet.used.map((entry) => (
                      <TableRow key={entry.ip}>
                        <TableCell sx={{ fontFamily: 'monospace' }}>
                          {entry.ip}
                          {entry.ip === subnet.gateway ? (
                            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                              {t('ipPlan.table.gatewayMark')}
                            </Typography>
                          ) : null}
                        </TableCell>
                        <TableCell>
                          <AssetLinks assets={entry.assets} />
                          {entry.assets.length > 1 ? (
                            <Typography component="span" variant="caption" color="error" sx={{ ml: 1 }}>
                              {t('ipPlan.table.sharedMark')}
                            </Typography>
                          ) : null}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
}
