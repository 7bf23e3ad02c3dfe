import { Box } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { ReactNode } from 'react';

/**
 * Plain text with the matched words marked. Core sends offsets, never markup,
 * so nothing from an article is ever parsed as HTML here. Also used by the
 * incident form to show suggested articles.
 */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [rawFrom, rawTo] of ranges) {
    const from = Math.max(at, Math.min(rawFrom, text.length));
    const to = Math.max(from, Math.min(rawTo, text.length));
    if (to === from) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(
      <Box key={from} component="mark" sx={(theme) => ({ bgcolor: alpha(theme.palette.warning.main, 0.3), color: 'inherit', borderRadius: 0.5, px: 0.25 })}>
        {text.slice(from, to)}
      </Box>,
    );
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
