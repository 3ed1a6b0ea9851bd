import WavingHandOutlined from '@mui/icons-material/WavingHandOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ROLE_LABELS } from '../../../../shared/domain/permissions';
import { useSession } from '../../app/SessionContext';
import { useSettings } from '../../app/SettingsContext';
import { formatDate } from '../../components/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCallData } from '../../ipc/useCall';
import { AwaitingDecisionSection } from './AwaitingDecisionSection';
import { FirstStepsSection } from './FirstStepsSection';
import { firstSteps } from './firstSteps';
import { MyRequestsSection } from './MyRequestsSection';
import { StatusTodoSection } from './StatusTodoSection';
import { WarningTodoSection } from './WarningTodoSection';

/** 首页: what waits for this user (approvals, their requests' outcomes); an empty install's first steps. */
export function HomePage() {
  const { session, can } = useSession();
  const { settings } = useSettings();
  const { user } = session;
  const { data, error } = useCallData('home.overview', {});
  const steps = data && firstSteps(data.department, can);

  return (
    <Box>
      <Paper
        variant="outlined"
        sx={{
          p: 2.5,
          mb: 2.5,
          display: 'flex',
          alignItems: 'center',
          gap: 3,
          background: 'linear-gradient(120deg, #ffffff 0%, #eef3fa 100%)',
        }}
      >
        <Box
          sx={{
            width: 56,
            height: 56,
            borderRadius: '50%',
            bgcolor: 'primary.main',
            color: 'primary.contrastText',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            flexShrink: 0,
          }}
        >
          <WavingHandOutlined />
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h5" component="h1">
            你好，{user.displayName}
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, flexWrap: 'wrap' }}>
            <Chip size="small" color="primary" variant="outlined" label={`角色：${ROLE_LABELS[user.role]}`} />
            <Chip size="small" variant="outlined" label={`用户名：${user.username}`} />
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              今天是 {formatDate(new Date())}
              {settings ? ` · ${settings.schoolName} ${settings.departmentName}` : ''}
            </Typography>
          </Box>
        </Box>
      </Paper>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
        </Box>
      )}
      {steps && <FirstStepsSection steps={steps} />}
      {can('students.read') && <StatusTodoSection />}
      {can('warnings.manage') && <WarningTodoSection />}
      {data?.awaitingMyDecision && <AwaitingDecisionSection waiting={data.awaitingMyDecision} />}
      {data?.myRequests && <MyRequestsSection requests={data.myRequests} />}
    </Box>
  );
}
