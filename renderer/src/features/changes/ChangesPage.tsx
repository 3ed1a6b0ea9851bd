import SwapHorizOutlined from '@mui/icons-material/SwapHorizOutlined';
import { PlaceholderPage } from '../../components/PlaceholderPage';

export function ChangesPage() {
  return (
    <PlaceholderPage
      title="学籍异动"
      icon={<SwapHorizOutlined />}
      description="办理休学、复学、转专业、退学等学籍异动，提交申请并由负责人审批，全程留痕。"
    />
  );
}
