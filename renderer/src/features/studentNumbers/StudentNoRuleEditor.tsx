import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  ruleProblem, STUDENT_NO_ORDER_LABELS, type StudentNoOrder, type StudentNoPart, type StudentNoRule,
} from '../../../../shared/domain/student-no';

const KIND_LABELS: Record<StudentNoPart['kind'], string> = {
  year: '入学年份',
  majorCode: '专业代码',
  classNo: '班号',
  text: '固定文字',
  sequence: '序号',
};

/** A fresh part of a kind, with the usual size. */
function partOf(kind: StudentNoPart['kind']): StudentNoPart {
  switch (kind) {
    case 'year':
      return { kind, digits: 4 };
    case 'majorCode':
      return { kind };
    case 'classNo':
      return { kind, digits: 2 };
    case 'sequence':
      return { kind, digits: 3 };
    case 'text':
      return { kind, text: 'A' };
  }
}

/** What each part would give for a sample student of class 2601 of major 510201. */
function sample(p: StudentNoPart): string {
  switch (p.kind) {
    case 'year':
      return p.digits === 2 ? '26' : '2026';
    case 'majorCode':
      return p.digits ? '510201'.slice(-p.digits) : '510201';
    case 'classNo':
      return '1'.padStart(p.digits, '0');
    case 'sequence':
      return '1'.padStart(p.digits, '0');
    case 'text':
      return p.text;
  }
}

function DigitsField({ part, onChange }: { part: StudentNoPart; onChange: (p: StudentNoPart) => void }) {
  if (part.kind === 'text') {
    return <TextField size="small" label="文字" value={part.text} onChange={(e) => onChange({ ...part, text: e.target.value })} sx={{ width: 160 }} />;
  }
  if (part.kind === 'year') {
    return (
      <TextField select size="small" label="位数" value={part.digits} onChange={(e) => onChange({ ...part, digits: Number(e.target.value) === 2 ? 2 : 4 })} sx={{ width: 160 }}>
        <MenuItem value={4}>4 位（2026）</MenuItem>
        <MenuItem value={2}>2 位（26）</MenuItem>
      </TextField>
    );
  }
  if (part.kind === 'majorCode') {
    return (
      <TextField select size="small" label="位数" value={part.digits ?? 0} onChange={(e) => onChange(Number(e.target.value) ? { ...part, digits: Number(e.target.value) } : { kind: 'majorCode' })} sx={{ width: 160 }}>
        <MenuItem value={0}>全部</MenuItem>
        {[2, 3, 4].map((n) => (
          <MenuItem key={n} value={n}>
            后 {n} 位
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      size="small"
      type="number"
      label="位数"
      value={part.digits}
      onChange={(e) => onChange({ ...part, digits: Math.max(1, Math.min(part.kind === 'sequence' ? 8 : 4, Number(e.target.value) || 1)) })}
      slotProps={{ htmlInput: { min: 1, max: part.kind === 'sequence' ? 8 : 4 } }}
      sx={{ width: 160 }}
    />
  );
}

/**
 * 学号规则: parts in order (年份、专业代码、班号、固定文字, and the 序号 last) and the order students
 * are numbered in. Shows what a 学号 would look like; the preview on real students is the caller's.
 */
export function StudentNoRuleEditor({ value, onChange, disabled = false }: { value: StudentNoRule; onChange: (rule: StudentNoRule) => void; disabled?: boolean }) {
  const { parts } = value;
  const setPart = (i: number, p: StudentNoPart) => onChange({ ...value, parts: parts.map((x, j) => (j === i ? p : x)) });
  const problem = ruleProblem(value);
  // New parts go before the sequence, which stays last.
  const addPart = () => onChange({ ...value, parts: [...parts.slice(0, -1), partOf('text'), ...parts.slice(-1)] });
  return (
    <Box component="fieldset" disabled={disabled} sx={{ border: 0, p: 0, m: 0, pt: 1, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {parts.map((p, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Typography variant="body2" sx={{ width: 20, color: 'text.secondary' }}>
            {i + 1}
          </Typography>
          <TextField
            select
            size="small"
            label="组成部分"
            value={p.kind}
            onChange={(e) => setPart(i, partOf(e.target.value as StudentNoPart['kind']))}
            sx={{ width: 140 }}
            disabled={disabled || p.kind === 'sequence'}
          >
            {(Object.keys(KIND_LABELS) as StudentNoPart['kind'][])
              .filter((k) => (k === 'sequence') === (p.kind === 'sequence'))
              .map((k) => (
                <MenuItem key={k} value={k}>
                  {KIND_LABELS[k]}
                </MenuItem>
              ))}
          </TextField>
          <DigitsField part={p} onChange={(np) => setPart(i, np)} />
          {p.kind !== 'sequence' && (
            <Tooltip title="删除此部分">
              <IconButton aria-label={`删除第 ${i + 1} 部分`} onClick={() => onChange({ ...value, parts: parts.filter((_, j) => j !== i) })} disabled={disabled}>
                <DeleteOutline fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button size="small" startIcon={<AddOutlined />} onClick={addPart} disabled={disabled || parts.length >= 8}>
          添加组成部分
        </Button>
        <TextField
          select
          size="small"
          label="编排顺序"
          value={value.order}
          onChange={(e) => onChange({ ...value, order: e.target.value as StudentNoOrder })}
          sx={{ minWidth: 220 }}
        >
          {(Object.keys(STUDENT_NO_ORDER_LABELS) as StudentNoOrder[]).map((o) => (
            <MenuItem key={o} value={o}>
              {STUDENT_NO_ORDER_LABELS[o]}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Typography variant="body2" sx={{ color: problem ? 'error.main' : 'text.secondary' }}>
        {problem ?? (
          <>
            示例（2026 级、专业代码 510201、第 1 个班的第 1 名学生）：<b style={{ fontFamily: 'monospace', fontSize: 15 }}>{parts.map(sample).join('')}</b>
            。班号按班级名称排在同专业同年级的第几个班；序号接着已有的最大学号编排，已有学号不会改动。
          </>
        )}
      </Typography>
    </Box>
  );
}
