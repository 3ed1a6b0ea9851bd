import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { DEFAULT_GPA_METHOD, FIVE_LEVEL_GRADES, GRADE_POINT_SCALE_LABELS, gpaMethodText, type FiveLevelGrade, type GpaMethod, type GradePointScale } from '../../../../shared/domain/grades';
import { ErrorAlert } from '../../components/ErrorAlert';
import { splitErrors } from '../../components/formErrors';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCall, useCallData } from '../../ipc/useCall';

interface Form {
  gradePoints: GradePointScale;
  denominator: GpaMethod['denominator'];
  fixedPassFor: ('补考' | '重修')[];
  fiveLevelScores: Record<FiveLevelGrade, string>;
}

const formOf = (m: GpaMethod): Form => ({
  gradePoints: m.gradePoints,
  denominator: m.denominator,
  fixedPassFor: [...m.fixedPassFor],
  fiveLevelScores: Object.fromEntries(FIVE_LEVEL_GRADES.map((g) => [g, String(m.fiveLevelScores[g])])) as Record<FiveLevelGrade, string>,
});

/** Text to number; empty stays empty (NaN), so the contract refuses it in words. */
const methodOf = (f: Form) => ({
  ...f,
  fixedPassFor: [...f.fixedPassFor],
  fiveLevelScores: Object.fromEntries(FIVE_LEVEL_GRADES.map((g) => [g, f.fiveLevelScores[g].trim() === '' ? Number.NaN : Number(f.fiveLevelScores[g])])) as Record<FiveLevelGrade, number>,
});

const FIELDS = Object.fromEntries(FIVE_LEVEL_GRADES.map((g) => [`fiveLevelScores.${g}`, g])) as Record<string, FiveLevelGrade>;

/**
 * The default in plain words (issue 15, Grades 3): what a school gets until it changes anything.
 * The rule itself is shared/domain/grades (computeGpa, DEFAULT_GPA_METHOD); this only says it.
 */
const DEFAULT_RULES = [
  '每门课程只计最好的一次成绩。',
  '百分制成绩 60–100 分的绩点 =（成绩 − 50）÷ 10，即 60 分为 1.0、85 分为 3.5、100 分为 5.0；60 分以下为 0。',
  '补考或重修通过的课程，不论分数，绩点都按 1.0 计。',
  '五级制成绩先折算为分数再算绩点：优秀 95、良好 85、中等 75、及格 65、不及格 45。',
  '两级制（合格/不合格）课程、免修课程、培养方案中标明“不计入绩点”的课程不计入绩点，但通过后学分照样计入已获学分。',
  '缺考按 0 计；作弊的成绩按 0 计，直到重修通过取代它（补考不能取代）。',
  '平均学分绩点 = Σ（课程学分 × 绩点）÷ Σ 课程学分，不及格的课程也计入分母；计算时不做中间舍入，只在显示时四舍五入到两位小数。',
];

/** 系统设置 › 成绩与绩点: the school's GPA method (grades.method / grades.saveMethod), the default explained. */
export function GpaMethodPanel({ onSaved }: { onSaved: (message: string) => void }) {
  const { data, error: loadError, loading: loadingMethod, setData } = useCallData('grades.method', {});
  const { run, loading, error, setError } = useCall('grades.saveMethod');
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (data) setForm(formOf(data.method));
  }, [data]);
  const { byField, general } = splitErrors(error, FIELDS);

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!data || !form) return loadingMethod ? <LoadingBlock /> : null;
  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setError(null);
  };
  const togglePass = (kind: '补考' | '重修', on: boolean) =>
    set({ fixedPassFor: (['补考', '重修'] as const).filter((k) => (k === kind ? on : form.fixedPassFor.includes(k))) });
  const unchanged = JSON.stringify(formOf(data.method)) === JSON.stringify(form);

  const save = async () => {
    const r = await run(methodOf(form));
    if (r.ok) {
      setData(r.value);
      onSaved(r.value.isDefault ? '已保存绩点计算方法（默认方法）' : '已保存绩点计算方法');
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-label="成绩与绩点" sx={{ p: 3, mt: 2.5, maxWidth: 1040 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        成绩与绩点
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 2 }} role="status" aria-label="现行绩点计算方法">
        <Chip size="small" variant="outlined" color={data.isDefault ? 'success' : 'warning'} label={data.isDefault ? '默认方法' : '已按本校规定修改'} sx={{ flexShrink: 0 }} />
        <Typography variant="body2">现行方法：{gpaMethodText(data.method)}</Typography>
      </Box>
      <Box component="section" aria-label="默认方法说明" sx={{ bgcolor: '#f8fafd', border: '1px solid #e3e9f2', borderRadius: 1, p: 2, mb: 3 }}>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
          默认方法（不修改时按此计算）
        </Typography>
        <Box component="ol" sx={{ m: 0, pl: 2.5, '& li': { typography: 'body2', mb: 0.25 } }}>
          {DEFAULT_RULES.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </Box>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
          学校另有规定时，可在下面改为四分制、曲线换算、只以已获学分作分母，或让补考、重修按实际分数计绩点；“每门课只计最好一次”和两级制、免修不计绩点不随设置改变。
        </Typography>
      </Box>
      <Stack spacing={2.5}>
        <FormControl>
          <FormLabel id="gpa-scale">成绩换算为绩点</FormLabel>
          <RadioGroup aria-labelledby="gpa-scale" value={form.gradePoints} onChange={(e) => set({ gradePoints: e.target.value as GradePointScale })}>
            {(Object.keys(GRADE_POINT_SCALE_LABELS) as GradePointScale[]).map((k) => (
              <FormControlLabel key={k} value={k} control={<Radio size="small" />} label={GRADE_POINT_SCALE_LABELS[k] + (k === DEFAULT_GPA_METHOD.gradePoints ? '（默认）' : '')} />
            ))}
          </RadioGroup>
        </FormControl>
        <FormControl>
          <FormLabel id="gpa-denominator">平均学分绩点的分母</FormLabel>
          <RadioGroup aria-labelledby="gpa-denominator" value={form.denominator} onChange={(e) => set({ denominator: e.target.value as GpaMethod['denominator'] })}>
            <FormControlLabel value="attempted" control={<Radio size="small" />} label="修读学分：不及格的课程也计入（默认）" />
            <FormControlLabel value="earned" control={<Radio size="small" />} label="已获学分：只计通过的课程" />
          </RadioGroup>
        </FormControl>
        <FormControl component="fieldset">
          <FormLabel component="legend">补考、重修通过的课程</FormLabel>
          <FormGroup row>
            <FormControlLabel control={<Checkbox size="small" checked={form.fixedPassFor.includes('补考')} onChange={(e) => togglePass('补考', e.target.checked)} />} label="补考通过，绩点按 1.0 计（默认）" />
            <FormControlLabel control={<Checkbox size="small" checked={form.fixedPassFor.includes('重修')} onChange={(e) => togglePass('重修', e.target.checked)} />} label="重修通过，绩点按 1.0 计（默认）" />
          </FormGroup>
          <FormHelperText sx={{ mx: 0 }}>不勾选的，按实际分数计算绩点。</FormHelperText>
        </FormControl>
        <FormControl component="fieldset">
          <FormLabel component="legend" sx={{ mb: 1 }}>
            五级制成绩折算的分数
          </FormLabel>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5, maxWidth: 820 }}>
            {FIVE_LEVEL_GRADES.map((g) => (
              <TextField
                key={g}
                label={g}
                value={form.fiveLevelScores[g]}
                onChange={(e) => set({ fiveLevelScores: { ...form.fiveLevelScores, [g]: e.target.value } })}
                error={Boolean(byField[g])}
                helperText={byField[g] ?? `默认 ${DEFAULT_GPA_METHOD.fiveLevelScores[g]}`}
                slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: <InputAdornment position="end">分</InputAdornment> } }}
              />
            ))}
          </Box>
        </FormControl>
        <ErrorAlert error={general} />
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
          <Button onClick={() => set(formOf(DEFAULT_GPA_METHOD))}>恢复默认方法</Button>
          <Button variant="contained" disabled={loading || unchanged} onClick={() => void save()}>
            {loading ? '正在保存…' : '保存绩点计算方法'}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}
