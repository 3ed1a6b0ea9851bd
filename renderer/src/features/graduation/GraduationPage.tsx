import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { studentNoText } from '../../../../shared/domain/student-no';
import { GRADUATION_OUTCOMES } from '../../../../shared/ipc/schemas/graduation';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { call, saveJobOutput } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { TaskProgress } from '../import/common/TaskProgress';
import { useJobProgress } from '../import/common/useJobProgress';
import { DetailDrawer } from './DetailDrawer';
import { LeaversSection } from './LeaversSection';
import { OutcomeChip } from './OutcomeChip';
import { OverrideDialog } from './OverrideDialog';
import type { ResultRow } from './types';

type OutcomeFilter = ResultRow['outcome'] | 'all';

/**
 * 毕业审核: choose a 年级 (and a major or class), run the audit (a job), read each student's 结论 and
 * the lines not met, open a student's checks, and — for those who may — adjust a 结论 with a reason.
 * Below, the cohort's students who left, with their 肄业证书 or 学习证明 (LeaversSection).
 */
export function GraduationPage() {
  const { can } = useSession();
  const org = useCallData('org.tree', {});
  const cohorts = org.data?.cohorts ?? [];
  const [cohortYear, setCohortYear] = useState<number | ''>('');
  const [majorId, setMajorId] = useState<number | ''>('');
  const [classId, setClassId] = useState<number | ''>('');
  useEffect(() => {
    if (cohortYear === '' && cohorts.length) setCohortYear(Math.min(...cohorts.filter((c) => c <= new Date().getFullYear() - 2).concat(cohorts[0]!)));
  }, [cohorts, cohortYear]);
  const selection = { cohortYear: cohortYear === '' ? 0 : cohortYear, ...(majorId !== '' ? { majorId } : {}), ...(classId !== '' ? { classId } : {}) };
  const key = JSON.stringify(selection);
  const results = useCallData('graduation.results', selection, cohortYear === '' ? '' : key);
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');
  const { progress, begin, end } = useJobProgress();
  const [runError, setRunError] = useState<AppErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [override, setOverride] = useState<ResultRow | null>(null);

  const majors = org.data?.majors ?? [];
  const classes = (org.data?.classes ?? []).filter((c) => c.cohortYear === cohortYear && (majorId === '' || c.majorId === majorId));
  const data = cohortYear === '' ? null : results.data;
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => outcome === 'all' || r.outcome === outcome), [data, outcome]);
  const mayOverride = can('graduation.override');

  const run = async () => {
    if (cohortYear === '') return;
    setRunError(null);
    const jobId = begin('正在进行毕业资格审核…');
    const r = await call('graduation.audit', { ...selection, jobId });
    end();
    if (!r.ok) return setRunError(r.error);
    setNotice(`审核完成：${r.value.audited} 人，毕业 ${r.value.graduated}，结业 ${r.value.completed}，延长学习年限 ${r.value.extended}`);
    results.reload();
  };
  const exportResults = async () => {
    setRunError(null);
    const jobId = begin('正在生成审核结果表…');
    const r = await call('graduation.export', { ...selection, jobId });
    end();
    if (!r.ok) return setRunError(r.error);
    const saved = await saveJobOutput(r.value.jobId, r.value.fileName);
    if (!saved.ok) return setRunError(saved.error);
    if (saved.value.saved) setNotice(`已导出 ${r.value.fileName}`);
  };

  return (
    <Box>
      <PageHeader title="毕业审核" description="按人才培养方案的毕业要求审核一个年级：补考、重修之后的成绩，作弊无效成绩，体质健康测试与最长学习年限。每名学生的结论都逐条说明原因。" />
      <Paper variant="outlined" sx={{ p: 2, mb: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label="年级" value={cohortYear} onChange={(e) => (setCohortYear(Number(e.target.value)), setClassId(''))} sx={{ width: 130 }}>
          {cohorts.map((c) => (
            <MenuItem key={c} value={c}>
              {c} 级
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="专业" slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} value={majorId} onChange={(e) => (setMajorId(e.target.value === '' ? '' : Number(e.target.value)), setClassId(''))} sx={{ width: 200 }}>
          <MenuItem value="">全部专业</MenuItem>
          {majors.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="班级" slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} value={classId} onChange={(e) => setClassId(e.target.value === '' ? '' : Number(e.target.value))} sx={{ width: 180 }}>
          <MenuItem value="">全部班级</MenuItem>
          {classes.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        {can('graduation.audit') && (
          <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={() => void run()} disabled={progress !== null || cohortYear === ''}>
            开始审核
          </Button>
        )}
        <Button startIcon={<FileDownloadOutlined />} onClick={() => void exportResults()} disabled={progress !== null || !data?.rows.length}>
          导出审核结果
        </Button>
      </Paper>
      {progress && (
        <Box sx={{ mb: 2 }}>
          <TaskProgress progress={progress} />
        </Box>
      )}
      <ErrorAlert error={runError ?? results.error ?? org.error} />
      {(org.loading || results.loading) && !data && <LoadingBlock />}
      {data && data.rows.length === 0 && (
        <Alert severity="info" variant="outlined" sx={{ bgcolor: 'background.paper' }}>
          所选范围还没有审核结果。{can('graduation.audit') ? '成绩（含补考、重修）录入完成后点击“开始审核”。' : ''}
        </Alert>
      )}
      {data && data.rows.length > 0 && (
        <>
          <Box sx={{ display: 'flex', gap: 1, mb: 1 }} role="group" aria-label="按结论筛选">
            {(['all', ...GRADUATION_OUTCOMES] as const).map((o) => (
              <Chip
                key={o}
                label={o === 'all' ? `全部 ${data.rows.length}` : `${o} ${data.counts[o]}`}
                color={outcome === o ? 'primary' : 'default'}
                variant={outcome === o ? 'filled' : 'outlined'}
                onClick={() => setOutcome(o)}
              />
            ))}
          </Box>
          <Paper variant="outlined">
            <Table size="small" aria-label="审核结果">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 130 }}>学号</TableCell>
                  <TableCell sx={{ width: 90 }}>姓名</TableCell>
                  <TableCell sx={{ width: 160 }}>班级</TableCell>
                  <TableCell sx={{ width: 150 }}>结论</TableCell>
                  <TableCell>未满足项</TableCell>
                  <TableCell sx={{ width: mayOverride ? 170 : 90 }} />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.studentId} hover>
                    <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{studentNoText(r.studentNo)}</TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.className ?? ''}</TableCell>
                    <TableCell>
                      <OutcomeChip outcome={r.outcome} overridden={r.override !== null} />
                      {r.override && (
                        <Typography variant="caption" component="div" sx={{ color: 'text.secondary', mt: 0.5 }}>
                          审核为{r.ruleOutcome}；{r.override.by} {formatDateTime(r.override.at)} 调整：{r.override.reason}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {r.deficiencies.length ? (
                        r.deficiencies.map((d, i) => (
                          <Typography key={i} variant="body2">
                            {d}
                          </Typography>
                        ))
                      ) : (
                        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                          全部满足
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', gap: 1 }}>
                        <Button size="small" variant="outlined" onClick={() => setDetail(r.studentId)} aria-label={`明细 ${r.name}`}>
                          明细
                        </Button>
                        {mayOverride && (
                          <Button size="small" onClick={() => setOverride(r)} aria-label={`调整结论 ${r.name}`}>
                            调整结论
                          </Button>
                        )}
                      </Box>
                    </TableCell>
                  </TableRow>
                ))}
                {rows.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={6} sx={{ textAlign: 'center', color: 'text.secondary', py: 4 }}>
                      没有符合筛选条件的学生。
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Paper>
        </>
      )}
      {cohortYear !== '' && <LeaversSection selection={selection} selectionKey={key} />}
      {detail !== null && <DetailDrawer studentId={detail} onClose={() => setDetail(null)} />}
      <OverrideDialog row={override} onClose={() => setOverride(null)} onDone={(m) => (setNotice(m), results.reload())} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
