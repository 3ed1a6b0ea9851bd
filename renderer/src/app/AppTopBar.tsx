import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { UserMenu } from '../features/auth/UserMenu';
import { JobsMenu } from '../features/jobs/JobsMenu';
import { useSettings } from './SettingsContext';

export function AppTopBar() {
  const { settings } = useSettings();
  return (
    <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1, bgcolor: 'primary.dark' }}>
      <Toolbar sx={{ gap: 1.5 }}>
        <SchoolOutlined />
        <Typography variant="h6" component="div" noWrap sx={{ flexGrow: 1, fontSize: 18 }}>
          学籍通
          {settings?.departmentName && (
            <Box component="span" sx={{ fontWeight: 400, opacity: 0.9 }}>
              {' · '}
              {settings.departmentName}
            </Box>
          )}
        </Typography>
        <JobsMenu />
        <UserMenu />
      </Toolbar>
    </AppBar>
  );
}
