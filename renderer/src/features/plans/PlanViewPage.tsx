import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { PlanDetail } from '../../../../shared/ipc/schemas/plans';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { useCallData } from '../../ipc/useCall';
import { GraduationRulesSection } from './GraduationRulesSection';
import { PlanCourseTable } from './PlanCourseTable';

/** /plans/:id — one version with its courses, and the other versions of the same major and cohort. */
export function PlanViewPage() {
  const id = Number(useParams().id);
  const { data, error, loading } = useCallData('plans.get', { id }, String(id));
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const state = location.state as { notice?: string } | null;
    if (state?.notice) {
      setNotice(state.notice);
      navigate(location.pathname, { replace: true, state: null });
    }
  }, [location, navigate]);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <LoadingBlock /> : null;
  return (
    <>
      <View key={data.id} plan={data} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </>
  );
}

function View({ plan }: { plan: PlanDetail }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const versions = useCallData('plans.list', { majorId: plan.majorId, cohortYear: plan.cohortYear, currentOnly: false }, String(plan.id));
  const current = plan.supersededById === null;
  const all = [...(versions.data ?? [])].sort((a, b) => a.version - b.version);

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1.5 }} aria-label="位置">
        <Link component={RouterLink} to="/plans" underline="hover" color="inherit">
          人才培养方案
        </Link>
        <Typography color="text.primary">
          {plan.majorName} {plan.cohortYear} 级
        </Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1">
              {plan.name}
            </Typography>
            <Chip size="small" label={`第 ${plan.version} 版`} />
            {current ? <Chip size="small" color="success" variant="outlined" label="现行" /> : <Chip size="small" variant="outlined" label="已被新版本取代" />}
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            {plan.majorName} · {plan.cohortYear} 级 · {plan.courseCount} 门课程，共 {plan.totalCredits} 学分 · {plan.createdBy} 于 {formatDateTime(plan.createdAt)} 保存
          </Typography>
          {plan.note && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              说明：{plan.note}
            </Typography>
          )}
        </Box>
        {can('plans.write') && (
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button startIcon={<ContentCopyOutlined />} onClick={() => navigate(`/plans/new?from=${plan.id}`)}>
              复制为其他年级的方案
            </Button>
            {current && (
              <Button variant="contained" startIcon={<EditOutlined />} onClick={() => navigate(`/plans/${plan.id}/edit`)}>
                修改为新版本
              </Button>
            )}
          </Box>
        )}
      </Box>
      {!current && (
        <Alert severity="info" sx={{ mb: 2 }}>
          这是历史版本，仅供查看。成绩与绩点按现行版本的学分和记分方式计算。{' '}
          <Link component={RouterLink} to={`/plans/${plan.supersededById}`}>
            查看取代它的版本
          </Link>
        </Alert>
      )}
      {all.length > 1 && (
        <Box component="nav" aria-label="版本" sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            各版本：
          </Typography>
          {all.map((v) => (
            <Chip
              key={v.id}
              size="small"
              label={`第 ${v.version} 版 · ${formatDateTime(v.createdAt).slice(0, 10)}`}
              color={v.id === plan.id ? 'primary' : 'default'}
              variant={v.id === plan.id ? 'filled' : 'outlined'}
              component={RouterLink}
              to={`/plans/${v.id}`}
              clickable
              aria-current={v.id === plan.id ? 'page' : undefined}
            />
          ))}
        </Box>
      )}
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <PlanCourseTable courses={plan.courses} />
      </Paper>
      {can('grades.read') && <GraduationRulesSection planId={plan.id} />}
    </Box>
  );
}
