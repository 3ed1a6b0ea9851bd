import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import { studentNoText } from '../../../../../shared/domain/student-no';
import { genderName, orDash } from '../common/codeNames';
import { StatusChip } from '../common/StatusChip';
import { PhotoUploadButton } from './PhotoUploadButton';
import { StudentPhoto } from './StudentPhoto';

interface Props {
  student: StudentProfile;
  onEdit?: (() => void) | undefined;
  onRequestChange?: (() => void) | undefined;
  /** 办理学籍异动 (休学, 复学, 退学 …), for roles that file them. */
  onFileStatusChange?: (() => void) | undefined;
  /** Offered to roles that edit students: 上传照片 / 更换照片 under the photo. */
  onPhotoChanged?: ((message: string) => void) | undefined;
  /** Further actions, shown before 申请变更 / 编辑档案 (开具证明). */
  actions?: React.ReactNode;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** The top of a profile: photo, name, 学号, status, class, and what can be done. */
export function ProfileHeader({ student: s, onEdit, onRequestChange, onFileStatusChange, onPhotoChanged, actions }: Props) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5, mb: 2, display: 'flex', gap: 3, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 0.5, maxWidth: 220 }}>
        <StudentPhoto student={s} />
        {onPhotoChanged && <PhotoUploadButton student={s} onDone={onPhotoChanged} />}
      </Box>
      <Box sx={{ flex: 1, minWidth: 260 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1">
            {s.name}
          </Typography>
          <StatusChip status={s.status} />
          {s.registered ? (
            <Chip size="small" variant="outlined" icon={<LockOutlined />} label="已注册学籍" />
          ) : (
            <Chip size="small" variant="outlined" label="未注册学籍" sx={{ color: 'text.secondary' }} />
          )}
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 2, mt: 2 }}>
          <Fact label={fieldLabel('studentNo')} value={studentNoText(s.studentNo)} />
          <Fact label={fieldLabel('gender')} value={genderName(s.gender)} />
          <Fact label={fieldLabel('cohortYear')} value={s.cohortYear ? `${s.cohortYear} 级` : '—'} />
          <Fact label={fieldLabel('majorName')} value={orDash(s.majorName)} />
          <Fact label={fieldLabel('className')} value={s.className ?? '未分班'} />
          <Fact label={fieldLabel('phone')} value={orDash(s.phone)} />
          {/* Set by the 学籍异动 that started the 休学 / 保留: when the student is due back. */}
          {s.statusUntil && <Fact label={s.status === 'suspended' ? '预计复学日期' : '保留至'} value={s.statusUntil} />}
        </Box>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {actions}
        {onFileStatusChange && (
          <Button variant="outlined" startIcon={<NoteAddOutlined />} onClick={onFileStatusChange}>
            办理学籍异动
          </Button>
        )}
        {onRequestChange && (
          <Button variant="outlined" startIcon={<EditNoteOutlined />} onClick={onRequestChange}>
            申请变更
          </Button>
        )}
        {onEdit && (
          <Button variant="contained" startIcon={<EditOutlined />} onClick={onEdit}>
            编辑档案
          </Button>
        )}
      </Box>
    </Paper>
  );
}
