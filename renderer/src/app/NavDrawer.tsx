import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { NavLink } from 'react-router-dom';
import { NAV_SECTIONS } from './navItems';
import { useSession } from './SessionContext';

export const DRAWER_WIDTH = 216;

export function NavDrawer() {
  const { can } = useSession();
  const allowed = (p: (typeof NAV_SECTIONS)[number]['items'][number]['permission']) => !p || (typeof p === 'string' ? can(p) : p.some(can));
  const sections = NAV_SECTIONS.map((s) => ({ ...s, items: s.items.filter((i) => allowed(i.permission)) })).filter(
    (s) => s.items.length > 0,
  );

  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', borderRight: '1px solid', borderColor: 'divider' },
      }}
    >
      <Toolbar />
      <Box component="nav" aria-label="主导航" sx={{ overflowY: 'auto', flexGrow: 1, py: 1 }}>
        {sections.map((section) => (
          <List
            key={section.title ?? 'main'}
            dense
            subheader={
              section.title ? (
                <ListSubheader disableSticky sx={{ lineHeight: '32px', fontSize: 12, color: 'text.secondary' }}>
                  {section.title}
                </ListSubheader>
              ) : undefined
            }
            sx={{ px: 1 }}
          >
            {section.items.map((item) => (
              <ListItemButton
                key={item.path}
                component={NavLink}
                to={item.path}
                end={item.path === '/'}
                sx={{
                  borderRadius: 1.5,
                  mb: 0.25,
                  '&.active': {
                    bgcolor: 'rgba(31, 78, 140, 0.1)',
                    color: 'primary.main',
                    '& .MuiListItemIcon-root': { color: 'primary.main' },
                    '& .MuiListItemText-primary': { fontWeight: 600 },
                  },
                }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={item.label} slotProps={{ primary: { sx: { fontSize: 14 } } }} />
              </ListItemButton>
            ))}
          </List>
        ))}
      </Box>
      <Typography variant="caption" sx={{ color: 'text.disabled', px: 2.5, py: 1.5 }}>
        数据仅保存在本机
      </Typography>
    </Drawer>
  );
}
