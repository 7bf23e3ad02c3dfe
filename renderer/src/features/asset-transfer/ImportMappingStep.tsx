import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import {
  Alert,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { REQUIRED_IMPORT_FIELDS, type ImportField } from '@shared/domain/asset-import';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import {
  CUSTOM_CHOICE,
  CUSTOM_PREFIX,
  FIELD_GROUPS,
  MAX_CUSTOM_NAME,
  checkMapping,
  choiceOf,
  customName,
  isRequiredField,
  sampleValues,
} from './import-mapping';
import { isStagingLost, type ImportWizardState } from './import-wizard.store';

interface Props {
  state: ImportWizardState;
}

/** Step 2: which asset field each column of the file fills. Core's suggestion is preselected. */
export function ImportMappingStep({ state }: Props) {
  const { t } = useTranslation();
  const file = state.file;
  if (!file) return null;
  const check = checkMapping(state.mapping);
  const showProblems = state.mappingAttempted;

  const choose = (column: number, choice: string) => {
    if (choice === '') state.setMapping(column, null);
    else if (choice === CUSTOM_CHOICE) state.setMapping(column, `${CUSTOM_PREFIX}${(file.headers[column] ?? '').trim().slice(0, MAX_CUSTOM_NAME)}`);
    else state.setMapping(column, choice as ImportField);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('assetImport.mapping.intro')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }} role="group" aria-label={t('assetImport.mapping.requiredLabel')}>
        <Typography variant="body2">{t('assetImport.mapping.requiredLabel')}</Typography>
        {REQUIRED_IMPORT_FIELDS.map((field) => {
          const column = state.mapping.indexOf(field);
          const mapped = column >= 0;
          return (
            <Chip
              key={field}
              size="small"
              color={mapped ? 'success' : showProblems ? 'error' : 'default'}
              variant={mapped ? 'filled' : 'outlined'}
              icon={mapped ? <CheckCircleIcon /> : <ErrorOutlineIcon />}
              label={
                mapped
                  ? t('assetImport.mapping.requiredMapped', { field: t(`assetImport.fields.${field}`), header: file.headers[column] ?? '' })
                  : t('assetImport.mapping.requiredMissing', { field: t(`assetImport.fields.${field}`) })
              }
            />
          );
        })}
      </Stack>
      {showProblems && !check.ok ? (
        <Alert severity="error">
          {check.missing.length > 0
            ? t('assetImport.mapping.missing', { fields: check.missing.map((field) => t(`assetImport.fields.${field}`)).join(t('assetImport.listSeparator')) })
            : t('assetImport.mapping.fixColumns')}
        </Alert>
      ) : null}
      {state.error && !isStagingLost(state.error) ? <ErrorAlert error={state.error} /> : null}
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label={t('assetImport.mapping.tableLabel')} stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64, whiteSpace: 'nowrap' }}>{t('assetImport.mapping.columnNumber')}</TableCell>
              <TableCell>{t('assetImport.mapping.header')}</TableCell>
              <TableCell>{t('assetImport.mapping.samples')}</TableCell>
              <TableCell sx={{ width: 300 }}>{t('assetImport.mapping.field')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {file.headers.map((header, column) => {
              const field = state.mapping[column] ?? null;
              const custom = customName(field);
              const suggested = field !== null && field === file.suggestedMapping[column];
              const repeated = check.repeated.has(column);
              const badCustom = check.badCustom.has(column);
              const headerText = header || t('assetImport.mapping.untitled', { column: column + 1 });
              return (
                <TableRow key={column} hover>
                  <TableCell>{column + 1}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
                      <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                        {headerText}
                      </Typography>
                      {suggested ? <Chip size="small" variant="outlined" color="success" label={t('assetImport.mapping.suggested')} /> : null}
                    </Stack>
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                      {sampleValues(file.sample, column).join(' · ') || t('assetImport.mapping.noSamples')}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Stack spacing={1}>
                      <TextField
                        select
                        size="small"
                        fullWidth
                        value={choiceOf(field)}
                        onChange={(event) => choose(column, event.target.value)}
                        error={repeated}
                        helperText={repeated ? t('assetImport.mapping.repeated') : undefined}
                        slotProps={{ select: { native: true }, htmlInput: { 'aria-label': t('assetImport.mapping.selectLabel', { header: headerText }) } }}
                      >
                        <option value="">{t('assetImport.mapping.ignore')}</option>
                        {FIELD_GROUPS.map((group) => (
                          <optgroup key={group.key} label={t(`assetImport.mapping.groups.${group.key}`)}>
                            {group.fields.map((option) => (
                              <option key={option} value={option}>
                                {isRequiredField(option) ? t('assetImport.mapping.requiredOption', { field: t(`assetImport.fields.${option}`) }) : t(`assetImport.fields.${option}`)}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                        <option value={CUSTOM_CHOICE}>{t('assetImport.mapping.custom')}</option>
                      </TextField>
                      {custom !== null ? (
                        <TextField
                          size="small"
                          label={t('assetImport.mapping.customName')}
                          value={custom}
                          onChange={(event) => state.setMapping(column, `${CUSTOM_PREFIX}${event.target.value}`)}
                          error={badCustom}
                          helperText={badCustom ? t('assetImport.mapping.customNameInvalid', { max: MAX_CUSTOM_NAME }) : undefined}
                          slotProps={{ htmlInput: { maxLength: MAX_CUSTOM_NAME + 10, 'aria-label': t('assetImport.mapping.customNameFor', { header: headerText }) } }}
                        />
                      ) : null}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
