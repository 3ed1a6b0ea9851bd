import LockPersonOutlined from '@mui/icons-material/LockPersonOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';

export function NoAccess() {
  return (
    <Paper variant="outlined" sx={{ py: 8, px: 4, textAlign: 'center' }}>
      <Box sx={{ color: 'warning.main', mb: 1, '& svg': { fontSize: 48 } }}>
        <LockPersonOutlined />
      </Box>
      <Typography variant="h6" component="h1">
        无权访问
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
        您的账户角色没有使用此功能的权限。如需使用，请联系管理员。
      </Typography>
      <Button component={RouterLink} to="/" variant="outlined" sx={{ mt: 3 }}>
        返回首页
      </Button>
    </Paper>
  );
}
