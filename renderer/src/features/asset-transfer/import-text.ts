import type { TFunction } from 'i18next';
import type { ImportFile, ImportProblem } from '@shared/domain/asset-import';
import { isErrorCode } from '@shared/errors';
import { customName, isKnownField } from './import-mapping';

/** Schema paths core may name instead of a mapped field. */
const FIELD_ALIASES: Record<string, string> = { roomId: 'room', rackId: 'rack' };

/** A mapped field (or a schema path core reports) as the user reads it. */
export function fieldLabel(field: string | null, t: TFunction): string {
  if (field === null || field === '') return '';
  const custom = customName(field);
  if (custom !== null) return t('assetImport.fields.customNamed', { name: custom });
  const known = FIELD_ALIASES[field] ?? field;
  return isKnownField(known) ? t(`assetImport.fields.${known}`) : field;
}

/** The translated message for a problem's code; core's own sentence is shown beside it as the detail. */
export function problemMessage(problem: Pick<ImportProblem, 'code' | 'message'>, t: TFunction): string {
  return isErrorCode(problem.code) ? t(`errors.${problem.code}`) : problem.message;
}

export function encodingLabel(encoding: ImportFile['encoding'], t: TFunction): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return t('assetImport.file.utf8Bom');
    case 'gb18030':
      return 'GBK / GB18030';
    case null:
      return t('assetImport.file.noEncoding');
  }
}
