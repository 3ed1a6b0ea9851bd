import BarChartOutlined from '@mui/icons-material/BarChartOutlined';
import { PlaceholderPage } from '../../components/PlaceholderPage';

export function ReportsPage() {
  return (
    <PlaceholderPage
      title="统计报表"
      icon={<BarChartOutlined />}
      description="按专业、年级和学籍状态统计人数，生成可打印、可导出的报表。"
    />
  );
}
