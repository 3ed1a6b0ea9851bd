import AppRegistrationOutlined from '@mui/icons-material/AppRegistrationOutlined';
import BedOutlined from '@mui/icons-material/BedOutlined';
import ClassOutlined from '@mui/icons-material/ClassOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import NotesOutlined from '@mui/icons-material/NotesOutlined';
import PhotoLibraryOutlined from '@mui/icons-material/PhotoLibraryOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { BulkMode } from './BulkUpdateDialog';

interface Props {
  count: number;
  onBulk: (mode: BulkMode) => void;
  onRegister: () => void;
  onClear: () => void;
  /** 导出照片, for roles that may see identifying data. */
  onExportPhotos?: (() => void) | undefined;
  exportingPhotos?: boolean;
  /** 全选 ticked this page only: offers every student matching the filter (N of them). */
  matching?: { total: number; onSelect: () => void } | undefined;
}

/** Shown while students are ticked: what can be done to all of them at once. */
export function BulkActionsBar({ count, onBulk, onRegister, onClear, onExportPhotos, exportingPhotos = false, matching }: Props) {
  return (
    <Box
      role="toolbar"
      aria-label="批量操作"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, bgcolor: 'rgba(31, 78, 140, 0.07)', borderBottom: '1px solid', borderColor: 'divider', flexWrap: 'wrap' }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600, color: 'primary.main', mr: 1 }}>
        已选择 {count} 名学生
      </Typography>
      {matching && (
        <Button size="small" variant="outlined" onClick={matching.onSelect}>
          选择全部 {matching.total} 名符合筛选条件的学生
        </Button>
      )}
      <Button size="small" startIcon={<ClassOutlined />} onClick={() => onBulk('classId')}>
        分配班级
      </Button>
      <Button size="small" startIcon={<BedOutlined />} onClick={() => onBulk('dormitory')}>
        设置宿舍
      </Button>
      <Button size="small" startIcon={<NotesOutlined />} onClick={() => onBulk('notes')}>
        修改备注
      </Button>
      <Button size="small" startIcon={<AppRegistrationOutlined />} onClick={onRegister}>
        注册学籍
      </Button>
      {onExportPhotos && (
        <Button size="small" startIcon={<PhotoLibraryOutlined />} onClick={onExportPhotos} disabled={exportingPhotos}>
          {exportingPhotos ? '正在导出照片…' : '导出照片'}
        </Button>
      )}
      <Box sx={{ flexGrow: 1 }} />
      <Button size="small" color="inherit" startIcon={<CloseOutlined />} onClick={onClear}>
        取消选择
      </Button>
    </Box>
  );
}
