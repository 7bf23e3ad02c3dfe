import { Box } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseUnifiedDiff, type DiffRow } from './unified-diff';

/** Read by screen readers, not drawn (the usual clip pattern). */
const visuallyHidden = { border: 0, clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: 0, position: 'absolute', whiteSpace: 'nowrap', width: '1px' } as const;

const MONO = '"Cascadia Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace';

/**
 * A unified diff as a table: old and new line numbers, then the line, added
 * lines green with "+", removed lines red with "−". The sign and a hidden word
 * carry the meaning for anyone who cannot tell the colours apart.
 */
export function DiffView({ unified, label }: { unified: string; label: string }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const rows = useMemo(() => parseUnifiedDiff(unified), [unified]);
  const added = alpha(theme.palette.success.main, theme.palette.mode === 'light' ? 0.14 : 0.24);
  const removed = alpha(theme.palette.error.main, theme.palette.mode === 'light' ? 0.12 : 0.24);
  const hunk = alpha(theme.palette.info.main, 0.1);

  const style = (row: DiffRow) => {
    switch (row.kind) {
      case 'add':
        return { bgcolor: added };
      case 'remove':
        return { bgcolor: removed };
      case 'hunk':
        return { bgcolor: hunk, color: 'text.secondary' };
      case 'note':
        return { color: 'text.secondary', fontStyle: 'italic' };
      default:
        return {};
    }
  };
  const sign = (row: DiffRow) => (row.kind === 'add' ? '+' : row.kind === 'remove' ? '−' : '');
  const spoken = (row: DiffRow) => (row.kind === 'add' ? t('configBackups.diff.added') : row.kind === 'remove' ? t('configBackups.diff.removed') : null);

  return (
    <Box sx={{ overflow: 'auto', maxHeight: '60vh', border: 1, borderColor: 'divider', borderRadius: 1 }} tabIndex={0} role="region" aria-label={label}>
      <Box component="table" aria-label={label} sx={{ borderCollapse: 'collapse', width: '100%', fontFamily: MONO, fontSize: '0.8rem', lineHeight: 1.5 }}>
        <Box component="thead" sx={visuallyHidden}>
          <tr>
            <th scope="col">{t('configBackups.diff.oldLine')}</th>
            <th scope="col">{t('configBackups.diff.newLine')}</th>
            <th scope="col">{t('configBackups.diff.change')}</th>
            <th scope="col">{t('configBackups.diff.text')}</th>
          </tr>
        </Box>
        <tbody>
          {rows.map((row, index) => {
            const oldNo = row.kind === 'context' || row.kind === 'remove' ? row.oldNo : '';
            const newNo = row.kind === 'context' || row.kind === 'add' ? row.newNo : '';
            const word = spoken(row);
            return (
              <Box component="tr" key={index} data-diff={row.kind} sx={style(row)}>
                <Box component="td" sx={{ px: 1, textAlign: 'right', color: 'text.secondary', userSelect: 'none', width: '1%', whiteSpace: 'nowrap', borderRight: 1, borderColor: 'divider' }}>
                  {oldNo}
                </Box>
                <Box component="td" sx={{ px: 1, textAlign: 'right', color: 'text.secondary', userSelect: 'none', width: '1%', whiteSpace: 'nowrap', borderRight: 1, borderColor: 'divider' }}>
                  {newNo}
                </Box>
                <Box component="td" sx={{ px: 0.75, width: '1%', userSelect: 'none', fontWeight: 700, color: row.kind === 'add' ? 'success.main' : row.kind === 'remove' ? 'error.main' : undefined }}>
                  <span aria-hidden>{sign(row)}</span>
                  {word ? <Box component="span" sx={visuallyHidden}>{word}</Box> : null}
                </Box>
                <Box component="td" sx={{ pr: 1.5, whiteSpace: 'pre' }}>
                  {row.text}
                </Box>
              </Box>
            );
          })}
        </tbody>
      </Box>
    </Box>
  );
}
