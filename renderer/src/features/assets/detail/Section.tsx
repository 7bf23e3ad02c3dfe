import { Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A card with an h2, so the page outline reads: details, credentials, history, location, … */
export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 2 }} aria-label={title}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1.5, minHeight: 32 }}>
        <Typography variant="h2">{title}</Typography>
        {action ? <Stack direction="row" spacing={1}>{action}</Stack> : null}
      </Stack>
      {children}
    </Paper>
  );
}
