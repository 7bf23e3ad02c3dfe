import { createTheme, type Theme as MuiTheme } from '@mui/material/styles';

/**
 * System fonts only: the console must look right offline on a fresh laptop.
 * `system-ui` gives the platform's Latin face; the CJK families after it fill
 * in Chinese glyphs on macOS, Windows and Linux in that order.
 */
export const FONT_STACK = ['system-ui', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', 'sans-serif'].join(', ');

export function createAppTheme(mode: 'light' | 'dark'): MuiTheme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1d5fa8' : '#8ab8f0' },
      secondary: { main: mode === 'light' ? '#00796b' : '#6fd1c2' },
      background: mode === 'light' ? { default: '#f5f7fa', paper: '#ffffff' } : { default: '#101418', paper: '#171c22' },
    },
    typography: {
      fontFamily: FONT_STACK,
      h1: { fontSize: '1.6rem', fontWeight: 600 },
      h2: { fontSize: '1.15rem', fontWeight: 600 },
      // Upper-casing does nothing for Chinese and makes English labels shout.
      button: { textTransform: 'none', fontWeight: 600 },
    },
    shape: { borderRadius: 8 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
    },
  });
}
