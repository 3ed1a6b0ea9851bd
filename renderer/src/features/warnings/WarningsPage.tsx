import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
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
import { format } from 'date-fns';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { termOf } from '../../../../shared/domain/status-changes';
import { studentNoText } from '../../../../shared/domain/student-no';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { TaskProgress } from '../import/common/TaskProgress';
import { useJobProgress } from '../import/common/useJobProgress';
import { AbsenceDialog } from './AbsenceDialog';
import { TierChip } from './TierChip';
import { CHANGE_LABELS } from './tierColours';

type ChangeFilter = keyof typeof CHANGE_LABELS | 'all';

/** The terms offered: this one, the one before, and every term that has a run. */
function termChoices(today: string, withRuns: readonly string[]): string[] {
  const now = termOf(today);
  const [a, b, n] = now.split('-').map(Number) as [number, number, number];
  const previous = n === 2 ? `${a}-${b}-1` : `${a - 1}-${a}-2`;
  return [...new Set([now, previous, ...withRuns])].sort().reverse();
}

/**
 * 学业预警: run the term's warning (after 补考) under the school's rules, then read who reached which
 * tier and exactly why, compared with last term. A warning is not a 处分 and is never recorded as one.
 */
export function WarningsPage() {
  const { can } = useSession();
  const today = format(new Date(), 'yyyy-MM-dd');
  const [term, setTerm] = useState(() => termOf(today));
  const { data, loading, error, reload } = useCallData('warnings.results', { term }, term);
  const [tier, setTier] = useState<string>('all');
  const [change, setChange] = useState<ChangeFilter>('all');
  const { progress, begin, end } = useJobProgress();
  const [runError, setRunError] = useState<AppErrorData | null>(null);
  const [absence, setAbsence] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const terms = termChoices(today, data?.terms ?? []);

  const run = async () => {
    setRunError(null);
    const jobId = begin('正在运行学业预警…');
    const r = await call('warnings.run', { term, jobId });
    end();
    if (!r.ok) return setRunError(r.error);
    setNotice(`已完成 ${term} 学业预警：预警 ${r.value.warned} 人`);
    reload();
  };

  const rows = useMemo(() => (data?.rows ?? []).filter((r) => (tier === 'all' || (r.tier ?? '') === tier) && (change === 'all' || r.change === change)), [data, tier, change]);
  const head = data?.run;

  return (
    <Box>
      <PageHeader title="学业预警" description="补考成绩录入后按学校的预警规则运行，列出每名学生的预警等级与具体原因，并与上学期比较。学业预警不是处分，不记入学生的奖惩记录。" />
      <Paper variant="outlined" sx={{ p: 2, mb: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label="学期" value={term} onChange={(e) => setTerm(e.target.value)} sx={{ width: 180 }}>
          {terms.map((t) => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </TextField>
        {can('warnings.manage') && (
          <>
            <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={() => void run()} disabled={progress !== null}>
              {head ? '重新运行预警' : '运行预警'}
            </Button>
            <Button startIcon={<EventBusyOutlined />} onClick={() => setAbsence(true)}>
              登记旷课学时
            </Button>
          </>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {can('settings.manage') && (
          <Link component={RouterLink} to="/settings" underline="hover" variant="body2">
            预警规则设置
          </Link>
        )}
      </Paper>
      {progress && (
        <Box sx={{ mb: 2 }}>
          <TaskProgress progress={progress} />
        </Box>
      )}
      <ErrorAlert error={runError ?? error} />
      {loading && !data && <LoadingBlock />}
      {data && !head && (
        <Alert severity="info" variant="outlined" sx={{ bgcolor: 'background.paper' }}>
          {term} 学期还没有运行过学业预警。{can('warnings.manage') ? '补考成绩录入后点击“运行预警”。' : ''}
        </Alert>
      )}
      {head && (
        <>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {head.runByName} 于 {formatDateTime(head.runAt)} 按“{head.ruleSetName}”运行：评估 <b>{head.evaluated}</b> 人，未参与 {head.excluded} 人（休学、保留学籍等），预警{' '}
              <b>{head.warned}</b> 人。
              {head.comparedWithTerm ? `与 ${head.comparedWithTerm} 相比：` : '此前没有其他学期的预警结果，全部记为新增。'}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} role="group" aria-label="按变化筛选">
              {(['all', 'new', 'raised', 'same', 'lowered', 'cleared'] as const).map((c) => (
                <Chip
                  key={c}
                  label={c === 'all' ? `全部 ${data.rows.length}` : `${CHANGE_LABELS[c]} ${head.changes[c]}`}
                  color={change === c ? 'primary' : 'default'}
                  variant={change === c ? 'filled' : 'outlined'}
                  onClick={() => setChange(c)}
                />
              ))}
              <Box sx={{ width: 16 }} />
              <TextField select size="small" label="预警等级" value={tier} onChange={(e) => setTier(e.target.value)} sx={{ width: 160 }}>
                <MenuItem value="all">全部等级</MenuItem>
                {[...head.tiers].reverse().map((t) => (
                  <MenuItem key={t.label} value={t.label}>
                    {t.label}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
          </Paper>
          <Paper variant="outlined">
            <Table size="small" aria-label="预警名单">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 130 }}>学号</TableCell>
                  <TableCell sx={{ width: 90 }}>姓名</TableCell>
                  <TableCell sx={{ width: 130 }}>班级</TableCell>
                  <TableCell sx={{ width: 110 }}>预警等级</TableCell>
                  <TableCell sx={{ width: 110 }}>上学期</TableCell>
                  <TableCell sx={{ width: 60 }}>变化</TableCell>
                  <TableCell>原因</TableCell>
                  {can('warnings.manage') && <TableCell sx={{ width: 80 }} />}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.studentId} hover>
                    <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{studentNoText(r.studentNo)}</TableCell>
                    <TableCell>
                      <Link component={RouterLink} to={`/students/${r.studentId}`} underline="hover">
                        {r.name}
                      </Link>
                    </TableCell>
                    <TableCell>{r.className ?? ''}</TableCell>
                    <TableCell>
                      <TierChip label={r.tier} colour={r.colour} />
                    </TableCell>
                    <TableCell>{r.previousTier ?? '—'}</TableCell>
                    <TableCell>{CHANGE_LABELS[r.change]}</TableCell>
                    <TableCell>
                      {r.excluded ? (
                        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                          {r.excluded}
                        </Typography>
                      ) : r.reasons.length ? (
                        r.reasons.map((x, i) => (
                          <Typography key={i} variant="body2">
                            {x.text}
                          </Typography>
                        ))
                      ) : (
                        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                          已不再达到任何预警条件
                        </Typography>
                      )}
                    </TableCell>
                    {can('warnings.manage') && (
                      <TableCell>
                        {/* Talks, the plan and its follow-ups, the notices: for each student the warning reached. */}
                        {r.tier && (
                          <Button size="small" variant="outlined" component={RouterLink} to={`/warnings/${r.studentId}/${head.term}`} aria-label={`跟进 ${r.name}`}>
                            跟进
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
                {rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={can('warnings.manage') ? 8 : 7} sx={{ textAlign: 'center', color: 'text.secondary', py: 4 }}>
                      没有符合筛选条件的学生。
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Paper>
        </>
      )}
      <AbsenceDialog open={absence} term={term} onClose={() => setAbsence(false)} onDone={setNotice} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
