import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  ButtonBase,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
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
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePolicy, ImportProblem, ImportReport } from '@shared/domain/asset-import';
import { ErrorAlert } from '../../app/errors/ErrorAlert';
import { CellEditor } from './CellEditor';
import { formatInteger } from './format';
import { cellKey, sampleLines } from './import-mapping';
import { fieldLabel, problemMessage } from './import-text';
import { isStagingLost, type ImportWizardState } from './import-wizard.store';

interface Props {
  state: ImportWizardState;
}

interface Editing {
  row: number;
  column: number;
  where: 'problems' | 'grid';
}

const POLICIES: readonly DuplicatePolicy[] = ['update', 'skip', 'stop'];

/** Step 3: the dry run. What would happen, the choices that change it, and every problem with a way to fix it here. */
export function ImportPreviewStep({ state }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const refused = state.commitProblems !== null || (state.error !== null && state.busy === null && !isStagingLost(state.error));

  // A refused commit is announced where the user is looking: the top of the step, scrolled into view.
  useEffect(() => {
    if (refused) refusalRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [refused]);
  const file = state.file;
  const report = state.report;

  const problems = useMemo(() => state.commitProblems ?? report?.problems ?? [], [state.commitProblems, report]);
  const lines = useMemo(() => (file ? sampleLines(file.sample, problems) : []), [file, problems]);
  const problemsByCell = useMemo(() => {
    const map = new Map<string, ImportProblem[]>();
    for (const problem of problems) {
      if (problem.column === null) continue;
      const key = cellKey(problem.row, problem.column);
      map.set(key, [...(map.get(key) ?? []), problem]);
    }
    return map;
  }, [problems]);

  if (!file || !report) return state.error && !isStagingLost(state.error) ? <ErrorAlert error={state.error} /> : null;

  const number = (value: number) => formatInteger(value, i18n.language);
  const busy = state.busy !== null;

  /** What the cell holds now: the user's fix, or the file's text where the sample has it. */
  const currentValue = (row: number, column: number): string | null => {
    const edited = state.edits[cellKey(row, column)];
    if (edited !== undefined) return edited;
    const index = lines.indexOf(row);
    return index >= 0 ? (file.sample[index]?.[column - 1] ?? '') : null;
  };

  const save = async (row: number, column: number, value: string) => {
    const saved = await state.fixCell(row, column, value);
    if (saved) {
      setEditing(null);
      problemsHeading.current?.focus();
    }
  };

  const editor = (row: number, column: number) => (
    <CellEditor
      label={t('assetImport.fix.label', { row: String(row), header: file.headers[column - 1] ?? String(column) })}
      initialValue={currentValue(row, column) ?? ''}
      busy={state.busy === 'editing'}
      onSave={(value) => void save(row, column, value)}
      onCancel={() => setEditing(null)}
    />
  );

  const problemRows = report.rowCount - report.valid;
  return (
    <Stack spacing={3}>
      <ImportSummary report={report} number={number} />

      {refused ? (
        <Box ref={refusalRef} tabIndex={-1} sx={{ outline: 'none' }}>
          {state.commitProblems ? (
            <Alert severity="error" sx={{ mb: 1 }}>
              <AlertTitle>{t('assetImport.commit.refusedTitle')}</AlertTitle>
              {t('assetImport.commit.refused')}
            </Alert>
          ) : null}
          {state.error && !isStagingLost(state.error) ? <ErrorAlert error={state.error} /> : null}
        </Box>
      ) : null}

      <Section title={t('assetImport.options.title')}>
        <Stack spacing={2}>
          <Box>
            <FormControlLabel
              control={<Checkbox checked={state.createLocations} disabled={busy} onChange={(event) => void state.setCreateLocations(event.target.checked)} />}
              label={t('assetImport.options.createLocations')}
            />
            <LocationsNote state={state} report={report} />
          </Box>
          {report.duplicates.length > 0 || state.duplicatePolicy !== 'stop' ? (
            <DuplicatesChoice state={state} report={report} disabled={busy} />
          ) : null}
        </Stack>
      </Section>

      <Section
        title={
          problems.length === 0
            ? t('assetImport.problems.titleNone')
            : t('assetImport.problems.title', { count: problems.length, rows: problemRows })
        }
        headingRef={problemsHeading}
      >
        {problems.length === 0 ? (
          <Alert severity="success" icon={<CheckCircleOutlineIcon />}>
            {t('assetImport.problems.none', { count: report.rowCount })}
          </Alert>
        ) : (
          <Stack spacing={1}>
            <Typography variant="body2" color="text.secondary">
              {t('assetImport.problems.intro')}
            </Typography>
            {report.problemsTruncated ? <Alert severity="warning">{t('assetImport.problems.truncated', { count: problems.length })}</Alert> : null}
            <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 360 }}>
              <Table size="small" stickyHeader aria-label={t('assetImport.problems.tableLabel')}>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: 64, whiteSpace: 'nowrap' }}>{t('assetImport.problems.row')}</TableCell>
                    <TableCell sx={{ width: 160 }}>{t('assetImport.problems.column')}</TableCell>
                    <TableCell>{t('assetImport.problems.message')}</TableCell>
                    <TableCell sx={{ width: 140 }}>{t('assetImport.problems.fix')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {problems.map((problem, index) => {
                    const column = problem.column;
                    const isEditing = column !== null && editing?.where === 'problems' && editing.row === problem.row && editing.column === column;
                    const headerText = problem.header ?? (column !== null ? (file.headers[column - 1] ?? '') : '');
                    return (
                      <TableRow key={`${problem.row}:${column ?? '-'}:${problem.code}:${index}`}>
                        <TableCell>{number(problem.row)}</TableCell>
                        <TableCell>
                          <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                            {headerText || '—'}
                          </Typography>
                          {problem.field && fieldLabel(problem.field, t) !== headerText ? (
                            <Typography variant="caption" color="text.secondary">
                              {fieldLabel(problem.field, t)}
                            </Typography>
                          ) : null}
                        </TableCell>
                        <TableCell>
                          <Typography variant="body2">{problemMessage(problem, t)}</Typography>
                          <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                            {problem.message} ({problem.code})
                          </Typography>
                        </TableCell>
                        <TableCell>
                          {column === null ? null : isEditing ? (
                            editor(problem.row, column)
                          ) : (
                            <Button
                              size="small"
                              startIcon={<EditIcon />}
                              disabled={busy}
                              aria-label={t('assetImport.fix.open', { row: String(problem.row), header: headerText })}
                              onClick={() => setEditing({ row: problem.row, column, where: 'problems' })}
                            >
                              {t('assetImport.fix.button')}
                            </Button>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
          </Stack>
        )}
      </Section>

      <Section title={t('assetImport.sample.title', { count: file.sample.length, total: file.rowCount })}>
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 420 }}>
          <Table size="small" stickyHeader aria-label={t('assetImport.sample.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 56, whiteSpace: 'nowrap' }}>{t('assetImport.problems.row')}</TableCell>
                {file.headers.map((header, column) => (
                  <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                    {header || t('assetImport.mapping.untitled', { column: column + 1 })}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {file.sample.map((cells, index) => {
                const row = lines[index] ?? index + 2;
                return (
                  <TableRow key={row}>
                    <TableCell sx={{ color: 'text.secondary' }}>{number(row)}</TableCell>
                    {file.headers.map((header, columnIndex) => {
                      const column = columnIndex + 1;
                      const key = cellKey(row, column);
                      const value = state.edits[key] ?? cells[columnIndex] ?? '';
                      const cellProblems = problemsByCell.get(key);
                      if (!cellProblems) {
                        return (
                          <TableCell key={column} sx={{ whiteSpace: 'nowrap', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                            {value}
                          </TableCell>
                        );
                      }
                      const isEditing = editing?.where === 'grid' && editing.row === row && editing.column === column;
                      const messages = cellProblems.map((problem) => problemMessage(problem, t)).join(' ');
                      return (
                        <TableCell key={column} sx={{ p: 0.5, bgcolor: 'error.light', minWidth: isEditing ? 280 : undefined }}>
                          {isEditing ? (
                            editor(row, column)
                          ) : (
                            <Tooltip title={`${messages} — ${cellProblems.map((problem) => problem.message).join('; ')}`}>
                              <ButtonBase
                                disabled={busy}
                                aria-label={t('assetImport.fix.cell', { row: String(row), header: header || String(column), value, message: messages })}
                                onClick={() => setEditing({ row, column, where: 'grid' })}
                                sx={{
                                  px: 1,
                                  py: 0.5,
                                  width: '100%',
                                  minHeight: 28,
                                  justifyContent: 'flex-start',
                                  borderRadius: 0.5,
                                  border: 2,
                                  borderColor: 'error.main',
                                  bgcolor: 'background.paper',
                                  color: (theme) => (theme.palette.mode === 'dark' ? 'error.light' : 'error.dark'),
                                  fontWeight: 600,
                                  whiteSpace: 'nowrap',
                                  '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
                                }}
                              >
                                {value || t('assetImport.sample.empty')}
                              </ButtonBase>
                            </Tooltip>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </Section>
    </Stack>
  );
}

function Section({ title, children, headingRef }: { title: string; children: ReactNode; headingRef?: Ref<HTMLHeadingElement> }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} ref={headingRef} tabIndex={-1} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1, outline: 'none' }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function ImportSummary({ report, number }: { report: ImportReport; number: (value: number) => string }) {
  const { t } = useTranslation();
  const items: { key: string; label: string; value: number; tone?: 'error' | 'success' }[] = [
    { key: 'rows', label: t('assetImport.summary.rows'), value: report.rowCount },
    { key: 'valid', label: t('assetImport.summary.valid'), value: report.valid, tone: 'success' },
    { key: 'invalid', label: t('assetImport.summary.invalid'), value: report.rowCount - report.valid, tone: report.rowCount > report.valid ? 'error' : undefined },
    { key: 'create', label: t('assetImport.summary.create'), value: report.wouldCreate },
    { key: 'update', label: t('assetImport.summary.update'), value: report.wouldUpdate },
    { key: 'skip', label: t('assetImport.summary.skip'), value: report.wouldSkip },
    { key: 'locations', label: t('assetImport.summary.locations'), value: report.newLocations.length },
  ];
  return (
    <Box component="dl" role="group" aria-label={t('assetImport.summary.label')} sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 1, m: 0 }}>
      {items.map((item) => (
        <Paper key={item.key} variant="outlined" role="group" aria-label={item.label} sx={{ px: 1.5, py: 1 }}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {item.label}
          </Typography>
          <Typography
            component="dd"
            variant="h6"
            sx={{ m: 0, fontWeight: 600, color: item.tone === 'error' ? 'error.main' : item.tone === 'success' && item.value > 0 ? 'success.main' : 'text.primary' }}
          >
            {number(item.value)}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}

/** Which locations the import would create, or how many rows name one that is missing. */
function LocationsNote({ state, report }: { state: ImportWizardState; report: ImportReport }) {
  const { t } = useTranslation();
  if (state.createLocations) {
    if (report.newLocations.length === 0) {
      return (
        <Typography variant="body2" color="text.secondary" sx={{ ml: 4 }}>
          {t('assetImport.options.noNewLocations')}
        </Typography>
      );
    }
    return (
      <Box sx={{ ml: 4 }}>
        <Typography variant="body2" color="text.secondary">
          {t('assetImport.options.newLocations', { count: report.newLocations.length })}
        </Typography>
        <Box component="ul" aria-label={t('assetImport.options.newLocationsLabel')} sx={{ m: 0, pl: 2.5, maxHeight: 160, overflow: 'auto' }}>
          {report.newLocations.map((location) => (
            <Typography component="li" variant="body2" key={`${location.kind}:${location.path.join('/')}`}>
              {t(`assetImport.kinds.${location.kind}`)}: {location.path.join(' / ')}
            </Typography>
          ))}
        </Box>
      </Box>
    );
  }
  const missing = report.problems.filter((problem) => problem.code === 'import.location-missing').length;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ ml: 4 }}>
      {missing > 0 ? t('assetImport.options.missingLocations', { count: missing }) : t('assetImport.options.createLocationsHint')}
    </Typography>
  );
}

function DuplicatesChoice({ state, report, disabled }: { state: ImportWizardState; report: ImportReport; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  return (
    <Stack spacing={1}>
      <FormControl disabled={disabled}>
        <FormLabel id={labelId}>{t('assetImport.duplicates.policy', { count: report.duplicates.length })}</FormLabel>
        <RadioGroup row aria-labelledby={labelId} value={state.duplicatePolicy} onChange={(event) => void state.setDuplicatePolicy(event.target.value as DuplicatePolicy)}>
          {POLICIES.map((policy) => (
            <FormControlLabel key={policy} value={policy} control={<Radio />} label={t(`assetImport.duplicates.${policy}`)} />
          ))}
        </RadioGroup>
      </FormControl>
      {report.duplicates.length > 0 ? (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 240 }}>
          <Table size="small" stickyHeader aria-label={t('assetImport.duplicates.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 64 }}>{t('assetImport.problems.row')}</TableCell>
                <TableCell>{t('assetImport.duplicates.matchedOn')}</TableCell>
                <TableCell>{t('assetImport.duplicates.existing')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.duplicates.map((duplicate) => (
                <TableRow key={`${duplicate.row}:${duplicate.assetId}`}>
                  <TableCell>{formatInteger(duplicate.row, i18n.language)}</TableCell>
                  <TableCell>
                    {t(`assetImport.duplicates.on.${duplicate.matchedOn}`)}: <strong>{duplicate.value}</strong>
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{duplicate.assetName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Stack>
  );
}
