import { Box } from '@mui/material';

/** A device's output as it printed it: monospace, whitespace kept, scrollable and reachable with the keyboard. */
export function RawOutput({ text, label, maxHeight = 360 }: { text: string; label: string; maxHeight?: number }) {
  return (
    <Box
      component="pre"
      tabIndex={0}
      role="region"
      aria-label={label}
      sx={{
        m: 0,
        p: 1.5,
        maxHeight,
        overflow: 'auto',
        fontFamily: '"Cascadia Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace',
        fontSize: '0.8rem',
        lineHeight: 1.45,
        bgcolor: 'action.hover',
        borderRadius: 1,
        whiteSpace: 'pre',
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
      }}
    >
      {text}
    </Box>
  );
}
