import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, LinearProgress, ListItemText, Menu, MenuItem, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat, type ExportSourceInput } from '@shared/domain/exports';
import { api } from '../../api';
import { languageOf } from '../records/record-format';
import { useExportTasks } from './export-tasks.store';

export interface ExportMenuProps {
  /** A list to export through `exports.start`… */
  source?: ExportSourceInput;
  /** …or any other export that runs as an export task (a service report's PDF or XLSX). */
  start?: (format: ExportFormat) => Promise<{ taskId: string }>;
  formats?: readonly ExportFormat[];
  disabled?: boolean;
  label?: string;
}

/**
 * Export CSV / XLSX / PDF: starts the task in core, shows its progress with
 * Cancel beside the button (not a dialog: the page stays usable), then
 * saves the file. Reusable: pass a records `source`, or a `start` of your own.
 */
export function ExportMenu({ source, start, formats = EXPORT_FORMATS, disabled, label }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [taskIds, setTaskIds] = useState<string[]>([]);
  const entries = useExportTasks((state) => state.entries);
  const run = useExportTasks((state) => state.run);
  const cancel = useExportTasks((state) => state.cancel);
  const mine = taskIds.map((id) => entries[id]).filter((entry) => entry !== undefined);

  const choose = async (format: ExportFormat) => {
    setAnchor(null);
    const begin = start
      ? () => start(format)
      : source
        ? () => api.call('exports.start', { source, format, language: languageOf(i18n.language) })
        : null;
    if (!begin) return;
    const taskId = await run(format, begin);
    if (taskId) setTaskIds((ids) => [...ids.filter((id) => useExportTasks.getState().entries[id]), taskId]);
  };

  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        disabled={disabled || (!source && !start)}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {label ?? t('exports.button')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {formats.map((format) => (
          <MenuItem key={format} onClick={() => void choose(format)}>
            <ListItemText primary={t(`exports.formats.${format}`)} secondary={t(`exports.formatHints.${format}`)} />
          </MenuItem>
        ))}
      </Menu>
      {mine.map(({ task, format, saving }) => {
        const percent = task.total ? Math.min(100, Math.round((task.done / task.total) * 100)) : null;
        const count = new Intl.NumberFormat(i18n.language);
        return (
          <Box key={task.taskId} role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 260 }}>
            <Box sx={{ flex: 1, minWidth: 140 }}>
              <Typography variant="caption" color="text.secondary" component="div">
                {saving
                  ? t('exports.saving', { format: t(`exports.formats.${format}`) })
                  : task.total !== null
                    ? t('exports.progress', { format: t(`exports.formats.${format}`), done: count.format(task.done), total: count.format(task.total) })
                    : t('exports.starting', { format: t(`exports.formats.${format}`) })}
              </Typography>
              <LinearProgress
                variant={percent === null || saving ? 'indeterminate' : 'determinate'}
                value={percent ?? 0}
                aria-label={t('exports.progressLabel', { format: t(`exports.formats.${format}`) })}
              />
            </Box>
            <Button size="small" onClick={() => void cancel(task.taskId)} disabled={saving}>
              {t('exports.cancel')}
            </Button>
          </Box>
        );
      })}
    </Stack>
  );
}
