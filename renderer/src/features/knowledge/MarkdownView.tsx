import { Box } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { reportError } from '../../app/errors/report-error';
import { announce } from '../assets/confirmations';
import { MARKDOWN_OPTIONS, markdownComponents } from './markdown-options';

/** An article's Markdown, rendered without raw HTML and without links that leave the app (see markdown-options). */
export function MarkdownView({ markdown }: { markdown: string }) {
  const { t } = useTranslation();
  const components = useMemo(
    () =>
      markdownComponents(t, (url) => {
        navigator.clipboard.writeText(url).then(
          () => announce(t('knowledge.markdown.linkCopied', { url }), { severity: 'info' }),
          (error: unknown) => reportError(error),
        );
      }),
    [t],
  );
  return (
    <Box sx={markdownStyles}>
      <Markdown {...MARKDOWN_OPTIONS} components={components}>
        {markdown}
      </Markdown>
    </Box>
  );
}

const markdownStyles = {
  typography: 'body1',
  overflowWrap: 'anywhere',
  '& > :first-of-type': { mt: 0 },
  '& h2, & h3, & h4, & h5, & h6': { mt: 3, mb: 1, lineHeight: 1.3, fontWeight: 600 },
  '& h2': { fontSize: '1.35rem' },
  '& h3': { fontSize: '1.15rem' },
  '& h4, & h5, & h6': { fontSize: '1rem' },
  '& p, & ul, & ol, & blockquote, & pre, & table': { my: 1.5 },
  '& ul, & ol': { pl: 3 },
  '& li > p': { my: 0.5 },
  '& code': { fontFamily: 'monospace', fontSize: '0.9em', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 },
  '& pre': { bgcolor: 'action.hover', p: 1.5, borderRadius: 1, overflowX: 'auto' },
  '& pre code': { bgcolor: 'transparent', p: 0 },
  '& blockquote': { borderLeft: 4, borderColor: 'divider', pl: 2, ml: 0, color: 'text.secondary' },
  '& table': { borderCollapse: 'collapse', display: 'block', overflowX: 'auto' },
  '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5, textAlign: 'left' },
  '& hr': { border: 0, borderTop: 1, borderColor: 'divider', my: 2 },
} as const;
