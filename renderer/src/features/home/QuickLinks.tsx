import Box from '@mui/material/Box';
import CardActionArea from '@mui/material/CardActionArea';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { NAV_SECTIONS } from '../../app/navItems';
import { useSession } from '../../app/SessionContext';

/** Shortcuts to the sections this role may use. */
export function QuickLinks() {
  const { can } = useSession();
  const items = NAV_SECTIONS.flatMap((s) => s.items).filter((i) => i.path !== '/' && (!i.permission || can(i.permission)));
  if (items.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        常用功能
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>
        {items.map((item) => (
          <Paper key={item.path} variant="outlined">
            <CardActionArea component={RouterLink} to={item.path} sx={{ p: 2.5, display: 'flex', justifyContent: 'flex-start', gap: 1.5 }}>
              <Box sx={{ color: 'primary.main', display: 'flex' }}>{item.icon}</Box>
              <Typography sx={{ fontWeight: 500 }}>{item.label}</Typography>
            </CardActionArea>
          </Paper>
        ))}
      </Box>
    </Box>
  );
}
