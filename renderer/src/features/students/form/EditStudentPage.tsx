import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../../app/SessionContext';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { PageHeader } from '../../../components/PageHeader';
import { useCall, useCallData } from '../../../ipc/useCall';
import { RequestChangeDialog } from '../keychange/RequestChangeDialog';
import { changedFields, fromProfile } from './formValues';
import { StudentForm } from './StudentForm';

/** /students/:id/edit */
export function EditStudentPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { can } = useSession();
  const profile = useCallData('students.get', { id }, String(id));
  const { run, loading, error, setError } = useCall('students.update');
  const [requesting, setRequesting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const initial = useMemo(() => (profile.data ? fromProfile(profile.data) : null), [profile.data]);
  const back = () => navigate(`/students/${id}`);

  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (!profile.data || !initial) return <LoadingBlock />;
  const p = profile.data;

  return (
    <Box>
      <PageHeader
        title={`编辑学生档案：${p.name}`}
        description={`${p.studentNo}${p.className ? ` · ${p.className}` : ''}`}
        actions={
          <Button startIcon={<ArrowBackOutlined />} onClick={back}>
            返回档案
          </Button>
        }
      />
      <StudentForm
        key={p.version}
        initial={initial}
        lockedFields={p.lockedFields}
        studentId={p.id}
        saving={loading}
        error={error}
        submitLabel="保存"
        onCancel={back}
        onRequestChange={p.registered && can('changes.request') ? () => setRequesting(true) : undefined}
        onSubmit={(values, allowLeave) => {
          const patch = changedFields(initial, values);
          if (Object.keys(patch).length === 0) {
            setError(null);
            back();
            return;
          }
          void run({ id, version: p.version, patch }).then((r) => {
            if (!r.ok) return;
            allowLeave();
            navigate(`/students/${id}`, { state: { notice: '已保存学生档案' } });
          });
        }}
      />
      <RequestChangeDialog
        open={requesting}
        student={p}
        onClose={() => setRequesting(false)}
        onDone={(message) => setNotice(message)}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
