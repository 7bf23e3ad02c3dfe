import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** What a page shows when there is nothing (yet): an honest sentence and, where possible, the next step. */
export function EmptyState({ icon, title, body, action }: { icon: ReactNode; title: string; body: string; action?: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ px: 4, py: 6 }}>
      <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', maxWidth: 560, mx: 'auto' }}>
        <Box aria-hidden sx={{ color: 'text.secondary', '& svg': { fontSize: 48 } }}>
          {icon}
        </Box>
        <Typography variant="h2" component="p">
          {title}
        </Typography>
        <Typography color="text.secondary">{body}</Typography>
        {action}
      </Stack>
    </Paper>
  );
}
