import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { PlanDetail } from '../../../../shared/ipc/schemas/plans';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../ipc/client';
import { ClassSelect } from '../students/common/ClassSelect';
import { useOrgTree } from '../students/common/useOrgTree';
import { CourseSelect } from './CourseSelect';
import { GradeSheet } from './GradeSheet';

/**
 * /grades — 成绩录入: a class, then a course of the plan it studies under, then the grid. The
 * choice lives in the address (?classId=&courseId=), so a reload or a link comes back to it.
 * Users without grades.write read the same grid.
 */
export function GradesPage() {
  const { can } = useSession();
  const canWrite = can('grades.write');
  const [params, setParams] = useSearchParams();
  const classId = Number(params.get('classId')) || null;
  const courseId = Number(params.get('courseId')) || null;
  const org = useOrgTree();
  const [plan, setPlan] = useState<{ classId: number; plan: PlanDetail | null } | null>(null);
  const [planError, setPlanError] = useState<AppErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!classId) return;
    let live = true;
    setPlanError(null);
    void call('plans.forClass', { classId }).then((r) => {
      if (!live) return;
      if (r.ok) setPlan({ classId, plan: r.value });
      else setPlanError(r.error);
    });
    return () => {
      live = false;
    };
  }, [classId]);

  const cls = org.data?.classes.find((c) => c.id === classId) ?? null;
  const current = plan && plan.classId === classId ? plan.plan : undefined;

  return (
    <Box>
      <PageHeader
        title={canWrite ? '成绩录入' : '成绩查看'}
        description={canWrite ? '选择班级和课程，在表格中逐人录入成绩；保存时整表检查，有一处不对则全部不保存。' : '选择班级和课程，查看该班这门课的各次考试成绩。'}
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(240px, 320px) minmax(320px, 560px)' }, alignItems: 'start' }}>
        <ClassSelect
          classes={org.data?.classes ?? []}
          value={classId ? String(classId) : ''}
          onChange={(v) => setParams(v ? { classId: v } : {})}
          label="班级"
          helperText="可输入班级名称、专业或年级查找"
        />
        <CourseSelect
          courses={current?.courses ?? []}
          cohortYear={cls?.cohortYear ?? null}
          value={courseId}
          disabled={!current}
          onChange={(id) => setParams({ classId: String(classId), courseId: String(id) })}
          helperText={current ? `${current.name}（第 ${current.version} 版，${current.cohortYear} 级）` : classId ? ' ' : '先选择班级'}
        />
      </Paper>
      {org.error && <ErrorAlert error={org.error} />}
      {planError && <ErrorAlert error={planError} />}
      {classId && current === null && cls && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {cls.name}所在的{cls.majorName}专业还没有 {cls.cohortYear} 级或更早年级的人才培养方案，课程要从培养方案中选择。
          {can('plans.write') && (
            <>
              {' '}
              <Link component={RouterLink} to="/plans/new">
                新建培养方案
              </Link>
            </>
          )}
        </Alert>
      )}
      {classId && courseId && cls && (
        <GradeSheet key={`${classId}:${courseId}`} classId={classId} courseId={courseId} cohortYear={cls.cohortYear} canWrite={canWrite} onSaved={setNotice} />
      )}
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
