import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface Props {
  children: ReactNode;
  maxWidth?: number;
}

/** The full-page backdrop of the screens shown before the app itself (setup, sign-in, errors). */
export function CenteredLayout({ children, maxWidth = 460 }: Props) {
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        px: 2,
        py: 4,
        background: 'linear-gradient(160deg, #e8eef7 0%, #f3f5f9 45%, #eef2f0 100%)',
      }}
    >
      <Box sx={{ width: '100%', maxWidth }}>{children}</Box>
      <Typography variant="caption" sx={{ color: 'text.secondary', mt: 3 }}>
        学籍通 · 院系学籍管理 · 数据仅保存在本机
      </Typography>
    </Box>
  );
}
