import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { PlaceholderPage } from '../../components/PlaceholderPage';

export function ImportPage() {
  return (
    <PlaceholderPage
      title="数据导入"
      icon={<UploadFileOutlined />}
      description="从 Excel 表格批量导入学生信息，导入前逐行检查并标出有问题的数据。"
    />
  );
}
