import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

interface Props {
  title: string;
  description: string;
  icon: ReactNode;
}

/** Stands in for a section that is not built yet. */
export function PlaceholderPage({ title, description, icon }: Props) {
  return (
    <Box>
      <PageHeader title={title} />
      <Paper variant="outlined" sx={{ py: 8, px: 4, textAlign: 'center' }}>
        <Box
          sx={{
            width: 72,
            height: 72,
            mx: 'auto',
            mb: 2,
            borderRadius: '50%',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            bgcolor: 'rgba(31, 78, 140, 0.08)',
            color: 'primary.main',
            '& svg': { fontSize: 36 },
          }}
        >
          {icon}
        </Box>
        <Typography variant="h6" component="p">
          该功能即将推出
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1, maxWidth: 520, mx: 'auto' }}>
          {description}
        </Typography>
      </Paper>
    </Box>
  );
}
