import { CssBaseline, useMediaQuery } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { useMemo, type ReactNode } from 'react';
import type { Theme } from '@shared/domain/profile';
import { createAppTheme } from './theme';

/** Applies the saved theme; 'system' follows prefers-color-scheme live. */
export function AppThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  const systemPrefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const mode = theme === 'system' ? (systemPrefersDark ? 'dark' : 'light') : theme;
  const muiTheme = useMemo(() => createAppTheme(mode), [mode]);
  return (
    <ThemeProvider theme={muiTheme}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
