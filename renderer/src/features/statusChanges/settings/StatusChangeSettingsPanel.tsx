import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { useCallData } from '../../../ipc/useCall';
import { CalendarEditor } from './CalendarEditor';
import { ChainEditor } from './ChainEditor';
import { PolicyEditor } from './PolicyEditor';

/** 系统设置 › 学籍异动: approval chains, the school's parameters, the holiday calendar. */
export function StatusChangeSettingsPanel({ onSaved }: { onSaved: (message: string) => void }) {
  const { data, error, loading, setData } = useCallData('statusChanges.settings', {});
  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <LoadingBlock /> : null;
  const saved = (settings: typeof data, message: string) => {
    setData(settings);
    onSaved(message);
  };
  return (
    <Paper variant="outlined" component="section" aria-label="学籍异动设置" sx={{ p: 3, mt: 2.5, maxWidth: 1040 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        学籍异动
      </Typography>
      <Box component="section" aria-label="审批流程">
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          审批流程
        </Typography>
        <ChainEditor settings={data} onSaved={saved} />
      </Box>
      <Divider sx={{ my: 3 }} />
      <Box component="section" aria-label="学籍管理参数">
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          学籍管理参数
        </Typography>
        <PolicyEditor settings={data} onSaved={saved} />
      </Box>
      <Divider sx={{ my: 3 }} />
      <Box component="section" aria-label="节假日安排">
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          节假日安排
        </Typography>
        <CalendarEditor settings={data} onSaved={saved} />
      </Box>
    </Paper>
  );
}
