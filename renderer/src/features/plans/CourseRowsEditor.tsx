import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import type { ReactNode } from 'react';
import { COURSE_ASSESSMENTS, COURSE_MODULES, COURSE_NATURES, GRADE_SCALES, PLAN_TERMS } from '../../../../shared/domain/grades';
import { emptyRow, type CourseField, type CourseRow, type RowProblems } from './planForm';

interface Props {
  rows: readonly CourseRow[];
  onChange: (rows: CourseRow[]) => void;
  /** Problems to show, by row key (the schema's for rows worked on, the server's after a save). */
  problems: ReadonlyMap<number, RowProblems>;
}

const COLUMNS: { field: CourseField; label: string; width: number }[] = [
  { field: 'code', label: '课程代码', width: 120 },
  { field: 'name', label: '课程名称', width: 190 },
  { field: 'nameEn', label: '英文名称', width: 220 },
  { field: 'credits', label: '学分', width: 76 },
  { field: 'hours', label: '学时', width: 76 },
  { field: 'nature', label: '课程性质', width: 92 },
  { field: 'module', label: '课程模块', width: 136 },
  { field: 'assessment', label: '考核方式', width: 92 },
  { field: 'term', label: '开课学期', width: 92 },
  { field: 'scale', label: '记分方式', width: 104 },
  { field: 'countsTowardGpa', label: '计入绩点', width: 76 },
];

const TERMS = Array.from({ length: PLAN_TERMS }, (_, i) => String(i + 1));

/** The courses of a plan being edited: one row each, every field in place, the problem under it. */
export function CourseRowsEditor({ rows, onChange, problems }: Props) {
  const set = (key: number, patch: Partial<CourseRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row!);
    onChange(next);
  };

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box
        component="table"
        aria-label="课程"
        sx={{
          borderCollapse: 'collapse',
          minWidth: '100%',
          '& th': { bgcolor: '#f6f8fb', color: 'text.secondary', fontWeight: 500, fontSize: 13, textAlign: 'left', px: 0.75, py: 1, borderBottom: '1px solid #dde3ec', whiteSpace: 'nowrap' },
          '& td': { px: 0.75, py: 0.75, borderBottom: '1px solid #eef1f5', verticalAlign: 'top' },
        }}
      >
        <thead>
          <tr>
            <th style={{ width: 36 }}>行</th>
            {COLUMNS.map((c) => (
              <th key={c.field} style={{ minWidth: c.width }}>
                {c.label}
              </th>
            ))}
            <th style={{ width: 108 }} aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const p = problems.get(row.key) ?? {};
            const label = (field: CourseField) => `第 ${i + 1} 行${COLUMNS.find((c) => c.field === field)!.label}`;
            const text = (field: 'code' | 'name' | 'nameEn' | 'credits' | 'hours', extra: { inputMode?: 'decimal' | 'numeric' } = {}) => (
              <Cell problem={p[field]}>
                <TextField
                  value={row[field]}
                  onChange={(e) => set(row.key, { [field]: e.target.value })}
                  error={Boolean(p[field])}
                  slotProps={{ htmlInput: { 'aria-label': label(field), ...extra } }}
                />
              </Cell>
            );
            const choice = (field: 'nature' | 'assessment' | 'scale' | 'term', options: readonly string[], show = (o: string) => o) => (
              <Cell problem={p[field]}>
                <TextField select value={row[field]} onChange={(e) => set(row.key, { [field]: e.target.value })} error={Boolean(p[field])} slotProps={{ htmlInput: { 'aria-label': label(field) } }}>
                  {options.map((o) => (
                    <MenuItem key={o} value={o} dense>
                      {show(o)}
                    </MenuItem>
                  ))}
                </TextField>
              </Cell>
            );
            return (
              <tr key={row.key} aria-label={`第 ${i + 1} 行`}>
                <td style={{ color: '#5b6676', fontSize: 13, paddingTop: 14 }}>{i + 1}</td>
                <td>{text('code')}</td>
                <td>{text('name')}</td>
                <td>{text('nameEn')}</td>
                <td>{text('credits', { inputMode: 'decimal' })}</td>
                <td>{text('hours', { inputMode: 'numeric' })}</td>
                <td>{choice('nature', COURSE_NATURES)}</td>
                <td>
                  <Cell problem={p.module}>
                    <Autocomplete
                      freeSolo
                      options={COURSE_MODULES}
                      inputValue={row.module}
                      onInputChange={(_e, v) => set(row.key, { module: v })}
                      renderInput={(params) => <TextField {...params} error={Boolean(p.module)} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'aria-label': label('module') } }} />}
                      size="small"
                      disableClearable
                      slotProps={{ popper: { sx: { minWidth: 160 } } }}
                    />
                  </Cell>
                </td>
                <td>{choice('assessment', COURSE_ASSESSMENTS)}</td>
                <td>{choice('term', TERMS, (t) => `第 ${t} 学期`)}</td>
                <td>{choice('scale', GRADE_SCALES)}</td>
                <td style={{ textAlign: 'center' }}>
                  <Checkbox checked={row.countsTowardGpa} onChange={(e) => set(row.key, { countsTowardGpa: e.target.checked })} slotProps={{ input: { 'aria-label': label('countsTowardGpa') } }} />
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title="上移">
                    <span>
                      <IconButton size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`第 ${i + 1} 行上移`} tabIndex={-1}>
                        <ArrowUpwardOutlined fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                  <Tooltip title="下移">
                    <span>
                      <IconButton size="small" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`第 ${i + 1} 行下移`} tabIndex={-1}>
                        <ArrowDownwardOutlined fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                  <Tooltip title="删除这门课程">
                    <IconButton size="small" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={`删除第 ${i + 1} 行`} tabIndex={-1}>
                      <DeleteOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Box>
      <Button startIcon={<AddOutlined />} onClick={() => onChange([...rows, emptyRow()])} sx={{ mt: 1 }}>
        添加课程
      </Button>
    </Box>
  );
}

function Cell({ problem, children }: { problem: string | undefined; children: ReactNode }) {
  return (
    <Box>
      {children}
      {problem && (
        <Box role="alert" sx={{ color: 'error.main', fontSize: 12, lineHeight: 1.4, mt: 0.25, maxWidth: 220 }}>
          {problem}
        </Box>
      )}
    </Box>
  );
}
