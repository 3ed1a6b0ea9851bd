import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { Previewed } from './wizardTypes';

type Color = 'default' | 'success' | 'error' | 'primary' | 'info' | 'warning';
interface ChipSpec {
  label: string;
  color: Color;
  strong?: boolean;
}

/** What this import will write, in its own words. */
function specChips(p: Previewed): ChipSpec[] {
  if (p.grades) {
    return [
      { label: `将导入成绩 ${p.toAdd} 条`, color: 'primary' },
      { label: `${p.grades.students} 名学生、${p.grades.courses} 门课程`, color: 'default' },
      ...p.grades.byKind.filter((k) => k.kind !== '正考').map((k) => ({ label: `${k.kind} ${k.count}`, color: 'info' as const })),
      ...(p.grades.alreadyRecorded ? [{ label: `已有相同成绩 ${p.grades.alreadyRecorded} 条，不再导入`, color: 'default' as const }] : []),
    ];
  }
  if (p.fitness) {
    return [
      { label: `将导入 ${p.toAdd + p.toUpdate} 条`, color: 'primary' },
      { label: `${p.fitness.students} 名学生${p.fitness.schoolYears.length ? `，${p.fitness.schoolYears.join('、')} 学年` : ''}`, color: 'default' },
      { label: `替换原有成绩 ${p.fitness.replaces} 条`, color: p.fitness.replaces ? 'warning' : 'default' },
      ...(p.fitness.alreadyRecorded ? [{ label: `已有相同成绩 ${p.fitness.alreadyRecorded} 条，不再导入`, color: 'default' as const }] : []),
    ];
  }
  if (p.courses) {
    const plan = p.courses.plan;
    return [
      ...(plan ? [{ label: `${plan.majorName} ${plan.cohortYear} 级第 ${plan.version} 版${plan.supersedes ? `（取代第 ${plan.supersedes.version} 版）` : '（第一版）'}`, color: 'primary' as const }] : []),
      { label: `${p.courses.courses} 门课程，共 ${p.courses.totalCredits} 学分`, color: 'default' },
      { label: `新增 ${p.toAdd}`, color: 'primary' },
      { label: `修改 ${p.toUpdate}`, color: 'info' },
      { label: `去掉 ${p.courses.removed.length}`, color: p.courses.removed.length ? 'warning' : 'default' },
    ];
  }
  const keyChanges = p.roster?.keyChanges ?? 0;
  return [
    { label: `将新增 ${p.toAdd}`, color: 'primary' },
    { label: `将更新 ${p.toUpdate}`, color: 'info' },
    { label: `关键信息变更 ${keyChanges} → 变更申请`, color: keyChanges > 0 ? 'warning' : 'default' },
  ];
}

/** The counts of a check, as chips: 共 N 行, 有效 N, 有问题 N, then what the import will write. */
export function PreviewSummary({ preview }: { preview: Previewed }) {
  const chips: ChipSpec[] = [
    { label: `共 ${preview.rows} 行`, color: 'default' },
    { label: `有效 ${preview.valid}`, color: 'success' },
    { label: `有问题 ${preview.invalid}`, color: preview.invalid > 0 ? 'error' : 'default', strong: preview.invalid > 0 },
    ...specChips(preview),
  ];
  return (
    <Box role="list" aria-label="检查结果" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {chips.map((c) => (
        <Chip key={c.label} role="listitem" label={c.label} color={c.color} variant={c.strong ? 'filled' : 'outlined'} sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums' }} />
      ))}
    </Box>
  );
}
