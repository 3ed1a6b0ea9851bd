import BookmarkBorderOutlined from '@mui/icons-material/BookmarkBorderOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

type View = CallOutput<'views.list'>[number];

interface Props {
  views: View[] | null;
  onOpen: (view: View) => void;
  onRemove: (view: View) => void;
}

/** 我的视图: the views this user saved; choosing one applies it. Deleting one asks first. */
export function SavedViewsMenu({ views, onOpen, onRemove }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [removing, setRemoving] = useState<View | null>(null);
  const close = () => setAnchor(null);
  return (
    <>
      <Button size="small" startIcon={<BookmarkBorderOutlined />} endIcon={<ExpandMoreOutlined />} onClick={(e) => setAnchor(e.currentTarget)}>
        我的视图
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={close} slotProps={{ paper: { sx: { minWidth: 240 } } }}>
        {(views ?? []).length === 0 && (
          <MenuItem disabled>
            <ListItemText primary="还没有保存的视图" secondary="设置好筛选和显示列后点“保存视图”" />
          </MenuItem>
        )}
        {(views ?? []).map((v) => (
          <MenuItem
            key={v.id}
            onClick={() => {
              close();
              onOpen(v);
            }}
            sx={{ pr: 1 }}
          >
            <ListItemText primary={v.name} />
            <Tooltip title="删除视图">
              <IconButton
                size="small"
                edge="end"
                aria-label={`删除视图 ${v.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  close();
                  setRemoving(v);
                }}
              >
                <DeleteOutlineOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          </MenuItem>
        ))}
      </Menu>
      <ConfirmDialog
        open={removing !== null}
        title="删除视图"
        confirmLabel="删除"
        danger
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) onRemove(removing);
          setRemoving(null);
        }}
      >
        <Typography variant="body2">确定删除视图“{removing?.name}”吗？删除后需重新设置筛选和显示列才能再保存。</Typography>
      </ConfirmDialog>
    </>
  );
}
