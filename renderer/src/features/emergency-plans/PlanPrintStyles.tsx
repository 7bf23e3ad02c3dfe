import { GlobalStyles } from '@mui/material';

/**
 * What a printed plan leaves out: the app's bar and drawer, buttons and
 * anything marked `plans-print-hidden`. Mounted only with a plan on screen,
 * so other pages print as they always did. A step is not split across pages.
 */
export function PlanPrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          '.MuiAppBar-root, .MuiDrawer-root, #main-content > .MuiToolbar-root, .plans-print-hidden': { display: 'none !important' },
          '#main-content': { padding: '0 !important' },
          '.plans-print-block': { breakInside: 'avoid' },
          '.plans-print-paper': { boxShadow: 'none !important', border: '1px solid #999 !important' },
          body: { background: '#fff !important' },
        },
      }}
    />
  );
}
