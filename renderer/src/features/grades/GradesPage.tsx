import GradingOutlined from '@mui/icons-material/GradingOutlined';
import { PlaceholderPage } from '../../components/PlaceholderPage';

export function GradesPage() {
  return (
    <PlaceholderPage
      title="成绩管理"
      icon={<GradingOutlined />}
      description="按课程和班级录入、核对学生成绩，支持补考与重修成绩的登记。"
    />
  );
}
