import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { BrandMark } from '../components/BrandMark';
import { CenteredLayout } from '../components/CenteredLayout';

interface Props {
  title: string;
  message: string;
  advice?: string;
  onRetry?: () => void;
}

/** A full-page explanation of why the app cannot open its data. */
export function ProblemPage({ title, message, advice, onRetry }: Props) {
  return (
    <CenteredLayout maxWidth={560}>
      <Paper variant="outlined" sx={{ p: 4 }}>
        <BrandMark />
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', mt: 3, mb: 2, color: 'error.main' }}>
          <ReportProblemOutlined />
          <Typography variant="h6" component="h1" sx={{ color: 'text.primary' }}>
            {title}
          </Typography>
        </Box>
        <Alert severity="error" sx={{ mb: 2 }}>
          {message}
        </Alert>
        {advice && (
          <Typography variant="body2" sx={{ color: 'text.secondary', lineHeight: 1.8 }}>
            {advice}
          </Typography>
        )}
        {onRetry && (
          <Button variant="contained" onClick={onRetry} sx={{ mt: 3 }}>
            重试
          </Button>
        )}
      </Paper>
    </CenteredLayout>
  );
}
