import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../../../shared/ipc/schemas/plans';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCallData } from '../../ipc/useCall';
import { useOrgTree } from '../students/common/useOrgTree';

/** A major and cohort's versions, newest first; the first is the one in force. */
interface Line {
  current: PlanSummary;
  older: PlanSummary[];
}

/** /plans — 人才培养方案: one line per major and cohort, with its versions. */
export function PlanListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const majorId = params.get('majorId') ?? '';
  const org = useOrgTree();
  const { data, error, loading } = useCallData('plans.list', { currentOnly: false, ...(majorId ? { majorId: Number(majorId) } : {}) }, majorId);

  const lines = useMemo<Line[]>(() => {
    const by = new Map<string, PlanSummary[]>();
    for (const p of data ?? []) {
      const k = `${p.majorId}:${p.cohortYear}`;
      by.set(k, [...(by.get(k) ?? []), p]);
    }
    return [...by.values()]
      .map((vs) => vs.sort((a, b) => b.version - a.version))
      .map(([current, ...older]) => ({ current: current!, older }))
      .sort((a, b) => a.current.majorName.localeCompare(b.current.majorName, 'zh-CN') || b.current.cohortYear - a.current.cohortYear);
  }, [data]);

  return (
    <Box>
      <PageHeader
        title="人才培养方案"
        description="各专业、各年级的培养方案及其课程；修改方案保存为新版本，旧版本原样保留。成绩录入按班级所在年级的现行方案选课。"
        actions={
          can('plans.write') && (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => navigate('/plans/new')}>
              新建培养方案
            </Button>
          )
        }
      />
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        <Box sx={{ px: 2, py: 1.5, display: 'flex', gap: 2, alignItems: 'center', borderBottom: '1px solid', borderColor: 'divider' }}>
          <TextField select label="专业" value={majorId} onChange={(e) => setParams(e.target.value ? { majorId: e.target.value } : {})} sx={{ maxWidth: 280 }}>
            <MenuItem value="">全部专业</MenuItem>
            {(org.data?.majors ?? []).map((m) => (
              <MenuItem key={m.id} value={String(m.id)}>
                {m.name}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {data ? `共 ${lines.length} 份方案` : ''}
          </Typography>
        </Box>
        {error && (
          <Box sx={{ p: 2 }}>
            <ErrorAlert error={error} />
          </Box>
        )}
        {loading && !data ? (
          <LoadingBlock />
        ) : lines.length === 0 ? (
          <Typography variant="body2" sx={{ color: 'text.secondary', textAlign: 'center', py: 6 }}>
            {can('plans.write') ? '还没有培养方案，请点击“新建培养方案”。' : '还没有培养方案。'}
          </Typography>
        ) : (
          <Table size="small" aria-label="培养方案">
            <TableHead>
              <TableRow sx={{ '& th': { bgcolor: '#f6f8fb', color: 'text.secondary', fontWeight: 500, whiteSpace: 'nowrap' } }}>
                <TableCell>专业</TableCell>
                <TableCell>年级</TableCell>
                <TableCell>方案名称</TableCell>
                <TableCell>现行版本</TableCell>
                <TableCell align="right">课程</TableCell>
                <TableCell align="right">总学分</TableCell>
                <TableCell>保存</TableCell>
                <TableCell>历史版本</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map(({ current: p, older }) => (
                <TableRow key={p.id} hover>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.majorName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.cohortYear} 级</TableCell>
                  <TableCell>
                    <Link component={RouterLink} to={`/plans/${p.id}`} underline="hover">
                      {p.name}
                    </Link>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>第 {p.version} 版</TableCell>
                  <TableCell align="right">{p.courseCount} 门</TableCell>
                  <TableCell align="right">{p.totalCredits}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>
                    {p.createdBy} · {formatDateTime(p.createdAt)}
                  </TableCell>
                  <TableCell>
                    {older.length === 0 ? (
                      <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
                        —
                      </Typography>
                    ) : (
                      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                        {older.map((o) => (
                          <Link key={o.id} component={RouterLink} to={`/plans/${o.id}`} underline="hover" sx={{ whiteSpace: 'nowrap' }}>
                            第 {o.version} 版
                          </Link>
                        ))}
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Box>
  );
}
