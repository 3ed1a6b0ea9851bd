import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: string;
  action?: ReactNode;
  children: ReactNode;
}

/** One titled block of the student form. */
export function FormSection({ title, description, action, children }: Props) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2.5, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 1 }}>
        <Box sx={{ width: 4, height: 18, borderRadius: 1, bgcolor: 'primary.main' }} />
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {description && (
          <Typography variant="caption" sx={{ color: 'text.secondary', ml: 1 }}>
            {description}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {action}
      </Box>
      {children}
    </Paper>
  );
}

/** The grid the fields of a section sit in. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)', lg: 'repeat(4, 1fr)' }, columnGap: 2, rowGap: 1.25 }}>
      {children}
    </Box>
  );
}
