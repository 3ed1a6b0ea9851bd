import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../ipc/useCall';
import { EMPTY_STUDENT, toInput } from './formValues';
import { StudentForm } from './StudentForm';

/** /students/new */
export function NewStudentPage() {
  const navigate = useNavigate();
  const { run, loading, error } = useCall('students.create');
  return (
    <Box>
      <PageHeader
        title="新建学生"
        description="填写学生档案。学号、姓名、性别、出生日期、身份证号为必填项；保存时系统会核对身份证号、学号是否有误或重复。"
        actions={
          <Button startIcon={<ArrowBackOutlined />} onClick={() => navigate('/students')}>
            返回名册
          </Button>
        }
      />
      <StudentForm
        initial={EMPTY_STUDENT}
        saving={loading}
        error={error}
        submitLabel="保存"
        onCancel={() => navigate('/students')}
        onSubmit={(values, allowLeave) =>
          void run(toInput(values)).then((r) => {
            if (!r.ok) return;
            allowLeave();
            navigate(`/students/${r.value.id}`, { state: { notice: `已新建学生档案：${r.value.name}（${r.value.studentNo}）` } });
          })
        }
      />
    </Box>
  );
}
