import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';

export function LoadingBlock({ label = '正在加载…', fullPage = false }: { label?: string; fullPage?: boolean }) {
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 1.5,
        py: 6,
        minHeight: fullPage ? '100vh' : undefined,
        color: 'text.secondary',
      }}
    >
      <CircularProgress size={22} />
      <Typography variant="body2">{label}</Typography>
    </Box>
  );
}
