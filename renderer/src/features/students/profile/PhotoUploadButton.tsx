import AddAPhotoOutlined from '@mui/icons-material/AddAPhotoOutlined';
import { useState } from 'react';
import { photoChangeNeedsApproval } from '../../../../../shared/domain/photo-rules';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { useSession } from '../../../app/SessionContext';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FilePickButton } from '../../import/common/FilePickButton';
import { RequestPhotoDialog } from './RequestPhotoDialog';
import { PHOTO_FILE_ACCEPT, photoNotice, sendPhoto } from './sendPhoto';

interface Props {
  student: StudentProfile;
  onDone: (message: string) => void;
}

/**
 * 上传照片 / 更换照片 under the profile's photo: saved at once; once the student is registered and
 * has a photo, 申请更换照片 asks for the reason and files a change request instead.
 */
export function PhotoUploadButton({ student, onDone }: Props) {
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [requesting, setRequesting] = useState<File | null>(null);
  const needsApproval = photoChangeNeedsApproval({ registered: student.registered, hasPhoto: student.hasPhoto });
  if (needsApproval && !can('changes.request')) return null;

  const chosen = async (file: File) => {
    setError(null);
    if (needsApproval) {
      setRequesting(file);
      return;
    }
    setBusy(true);
    const r = await sendPhoto(student.id, file);
    setBusy(false);
    if (r.ok) onDone(photoNotice(r.value));
    else setError(r.error);
  };

  const label = needsApproval ? '申请更换照片' : student.hasPhoto ? '更换照片' : '上传照片';
  return (
    <>
      <FilePickButton inputLabel="选择照片文件" accept={PHOTO_FILE_ACCEPT} variant="text" icon={<AddAPhotoOutlined />} disabled={busy} onFiles={(files) => void chosen(files[0]!)}>
        {busy ? '正在上传…' : label}
      </FilePickButton>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <RequestPhotoDialog studentId={student.id} file={requesting} onClose={() => setRequesting(null)} onDone={onDone} />
    </>
  );
}
