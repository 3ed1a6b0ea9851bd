import { createTheme } from '@mui/material/styles';
import { zhCN as materialZhCN } from '@mui/material/locale';
import { zhCN as dataGridZhCN } from '@mui/x-data-grid/locales';

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

export const MONO_STACK = '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Noto Sans Mono", monospace';

export const theme = createTheme(
  {
    palette: {
      mode: 'light',
      primary: { main: '#1f4e8c', dark: '#163a69', light: '#4a76b3', contrastText: '#ffffff' },
      secondary: { main: '#3d7a73' },
      background: { default: '#f3f5f9', paper: '#ffffff' },
      text: { primary: '#1f2733', secondary: '#5b6676' },
      divider: '#dde3ec',
    },
    typography: {
      fontFamily: FONT_STACK,
      fontSize: 14,
      h4: { fontWeight: 600 },
      h5: { fontWeight: 600 },
      h6: { fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 500 },
    },
    shape: { borderRadius: 8 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
      MuiPaper: { styleOverrides: { outlined: { borderColor: '#dde3ec' } } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiDialogTitle: { styleOverrides: { root: { fontWeight: 600 } } },
    },
  },
  materialZhCN,
  dataGridZhCN,
);
