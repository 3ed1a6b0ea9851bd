import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import { PlaceholderPage } from '../../components/PlaceholderPage';

export function StudentsPage() {
  return (
    <PlaceholderPage
      title="学生名册"
      icon={<PeopleAltOutlined />}
      description="按专业、班级查询和维护学生档案，查看学籍状态，并按权限导出学生名单。"
    />
  );
}
