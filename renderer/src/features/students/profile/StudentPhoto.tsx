import PersonOutlined from '@mui/icons-material/PersonOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { useSession } from '../../../app/SessionContext';
import { studentPhoto } from '../../../ipc/client';

const FRAME = { width: 84, height: 112, borderRadius: 1.5, flexShrink: 0 } as const;

/**
 * The student's photo (480×640, shown at 3:4). Roles that may not see identifying data, and
 * students without a photo, keep the placeholder.
 */
export function StudentPhoto({ student }: { student: StudentProfile }) {
  const { can } = useSession();
  const allowed = can('students.identity.read');
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    setSrc(null);
    if (!allowed || !student.hasPhoto) return;
    let live = true;
    let url: string | null = null;
    void studentPhoto(student.id).then((r) => {
      if (!live || !r.ok || !r.value) return;
      url = URL.createObjectURL(r.value);
      setSrc(url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [allowed, student.id, student.hasPhoto, student.version]);

  if (src) {
    return <Box component="img" src={src} alt={`${student.name}的照片`} sx={{ ...FRAME, objectFit: 'cover', border: '1px solid #dde3ec', display: 'block' }} />;
  }
  return (
    <Box
      aria-label="照片"
      role="img"
      sx={{ ...FRAME, bgcolor: '#eef2f7', border: '1px dashed #c5cfdc', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', color: '#8a97a8' }}
    >
      <PersonOutlined sx={{ fontSize: 44 }} />
      <Typography variant="caption">{student.hasPhoto ? '已有照片' : '暂无照片'}</Typography>
    </Box>
  );
}
