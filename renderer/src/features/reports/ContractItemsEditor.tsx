import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CONTRACT_MEASURES, measureValue, type ContractItem, type ContractMeasure } from '@shared/domain/reports';
import type { ServiceStatistics } from '@shared/domain/statistics';

/** Section 6 (annual): each contract item, what was promised and what was delivered (from the data where it maps). */
export function ContractItemsEditor({ items, statistics, drills, onChange }: { items: ContractItem[]; statistics: ServiceStatistics; drills: number; onChange: (items: ContractItem[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ContractItem>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack spacing={1}>
      {items.length === 0 ? <Typography color="text.secondary">{t('reports.contract.empty')}</Typography> : null}
      {items.length > 0 ? (
        <Table size="small" aria-label={t('reports.contract.label')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('reports.contract.item')}</TableCell>
              <TableCell>{t('reports.contract.commitment')}</TableCell>
              <TableCell>{t('reports.contract.measure')}</TableCell>
              <TableCell>{t('reports.contract.delivered')}</TableCell>
              <TableCell>{t('reports.contract.note')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item, index) => (
              <TableRow key={index}>
                <TableCell>
                  <TextField size="small" fullWidth slotProps={{ htmlInput: { 'aria-label': t('reports.contract.item') } }} value={item.item} onChange={(event) => update(index, { item: event.target.value })} />
                </TableCell>
                <TableCell>
                  <TextField size="small" fullWidth multiline slotProps={{ htmlInput: { 'aria-label': t('reports.contract.commitment') } }} value={item.commitment} onChange={(event) => update(index, { commitment: event.target.value })} />
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    slotProps={{ htmlInput: { 'aria-label': t('reports.contract.measure') } }}
                    value={item.measure ?? ''}
                    onChange={(event) => update(index, { measure: event.target.value === '' ? null : (event.target.value as ContractMeasure) })}
                  >
                    <MenuItem value="">{t('reports.contract.byHand')}</MenuItem>
                    {CONTRACT_MEASURES.map((measure) => (
                      <MenuItem key={measure} value={measure}>
                        {t(`reports.contract.measures.${measure}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  {item.measure ? (
                    <Typography variant="body2">{measureValue(item.measure, statistics, drills)}</Typography>
                  ) : (
                    <TextField size="small" fullWidth slotProps={{ htmlInput: { 'aria-label': t('reports.contract.delivered') } }} value={item.delivered} onChange={(event) => update(index, { delivered: event.target.value })} />
                  )}
                </TableCell>
                <TableCell>
                  <TextField size="small" fullWidth slotProps={{ htmlInput: { 'aria-label': t('reports.contract.note') } }} value={item.note} onChange={(event) => update(index, { note: event.target.value })} />
                </TableCell>
                <TableCell>
                  <IconButton aria-label={t('reports.contract.remove')} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                    <DeleteIcon />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Button startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => onChange([...items, { item: '', commitment: '', measure: null, delivered: '', note: '' }])}>
        {t('reports.contract.add')}
      </Button>
    </Stack>
  );
}
