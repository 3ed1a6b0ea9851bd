import WorkspacePremiumOutlined from '@mui/icons-material/WorkspacePremiumOutlined';
import { PlaceholderPage } from '../../components/PlaceholderPage';

export function CertificatesPage() {
  return (
    <PlaceholderPage
      title="证书打印"
      icon={<WorkspacePremiumOutlined />}
      description="打印学生成绩单、在读证明等文书，格式统一、可直接盖章使用。"
    />
  );
}
