import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import PasswordOutlined from '@mui/icons-material/PasswordOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/domain/permissions';
import { useSession } from '../../app/SessionContext';
import { call, emitSessionSignal } from '../../ipc/client';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function UserMenu() {
  const { session, signOut } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  const { user } = session;

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? 'user-menu' : undefined}
        startIcon={<AccountCircleOutlined />}
        endIcon={<ExpandMoreOutlined />}
        sx={{ textAlign: 'left', py: 0.5 }}
      >
        <Box sx={{ lineHeight: 1.2 }}>
          <Typography component="span" sx={{ display: 'block', fontSize: 14, fontWeight: 600 }}>
            {user.displayName}
          </Typography>
          <Typography component="span" sx={{ display: 'block', fontSize: 12, opacity: 0.8 }}>
            {ROLE_LABELS[user.role]}
          </Typography>
        </Box>
      </Button>
      <Menu
        id="user-menu"
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, py: 1, minWidth: 200 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {user.displayName}
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            用户名 {user.username} · {ROLE_LABELS[user.role]}
          </Typography>
        </Box>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
        >
          <ListItemIcon>
            <PasswordOutlined fontSize="small" />
          </ListItemIcon>
          修改密码
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            // The server locks the session as the idle lock does; the lock screen shows at once either way.
            void call('auth.lock', {}).finally(() => emitSessionSignal('locked'));
          }}
        >
          <ListItemIcon>
            <LockOutlined fontSize="small" />
          </ListItemIcon>
          立即锁定
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void signOut();
          }}
        >
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          退出登录
        </MenuItem>
      </Menu>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
