import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import { Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ImportFile } from '@shared/domain/asset-import';
import { formatInteger } from './format';
import { encodingLabel } from './import-text';

/** What core made of the file: name, format, encoding, rows. Shown above the mapping and the preview. */
export function ImportFileSummary({ file }: { file: ImportFile }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack
      direction="row"
      spacing={1}
      aria-label={t('assetImport.file.summaryLabel')}
      role="group"
      sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
    >
      <DescriptionOutlinedIcon aria-hidden color="action" />
      <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{file.fileName}</Typography>
      <Chip size="small" label={t('assetImport.file.format', { format: file.format.toUpperCase() })} />
      {file.format === 'csv' ? <Chip size="small" label={t('assetImport.file.encoding', { encoding: encodingLabel(file.encoding, t) })} /> : null}
      <Chip size="small" label={t('assetImport.file.rows', { count: file.rowCount, formatted: formatInteger(file.rowCount, i18n.language) })} />
      <Chip size="small" label={t('assetImport.file.columns', { count: file.headers.length })} />
    </Stack>
  );
}
