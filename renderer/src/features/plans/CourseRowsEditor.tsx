import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { Fragment } from 'react';
import { COURSE_ASSESSMENTS, COURSE_MODULES, COURSE_NATURES, GRADE_SCALES, PLAN_TERMS } from '../../../../shared/domain/grades';
import { emptyRow, type CourseField, type CourseRow, type RowProblems } from './planForm';

interface Props {
  rows: readonly CourseRow[];
  onChange: (rows: CourseRow[]) => void;
  /** Problems to show, by row key (the schema's for rows worked on, the server's after a save). */
  problems: ReadonlyMap<number, RowProblems>;
}

/** Widths that fit a 1366-pixel screen beside the menu; the English name takes what is left. */
const COLUMNS: { field: CourseField; label: string; width: number }[] = [
  { field: 'code', label: '课程代码', width: 92 },
  { field: 'name', label: '课程名称', width: 132 },
  { field: 'nameEn', label: '英文名称', width: 150 },
  { field: 'credits', label: '学分', width: 52 },
  { field: 'hours', label: '学时', width: 52 },
  { field: 'nature', label: '性质', width: 70 },
  { field: 'module', label: '课程模块', width: 104 },
  { field: 'assessment', label: '考核', width: 70 },
  { field: 'term', label: '学期', width: 62 },
  { field: 'scale', label: '记分方式', width: 86 },
  { field: 'countsTowardGpa', label: '计入绩点', width: 40 },
];

const TERMS = Array.from({ length: PLAN_TERMS }, (_, i) => String(i + 1));

/** The courses of a plan being edited: one row each, every field in place, the problem under it. */
export function CourseRowsEditor({ rows, onChange, problems }: Props) {
  const set = (key: number, patch: Partial<CourseRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box
        component="table"
        aria-label="课程"
        sx={{
          borderCollapse: 'collapse',
          minWidth: '100%',
          '& th': { bgcolor: '#f6f8fb', color: 'text.secondary', fontWeight: 500, fontSize: 13, textAlign: 'left', px: 0.5, py: 1, borderBottom: '1px solid #dde3ec', whiteSpace: 'nowrap' },
          '& td': { px: 0.5, py: 0.5, borderBottom: '1px solid #eef1f5', verticalAlign: 'top' },
          '& tr.has-problems td': { borderBottom: 0 },
          // Compact inputs: eleven fields in a row.
          '& .MuiInputBase-input': { py: '6px', px: '8px', fontSize: 14, height: '1.4375em', lineHeight: '1.4375em' },
          '& .MuiSelect-select.MuiInputBase-input': { pr: '22px', minHeight: 0 },
          '& .MuiSelect-icon': { right: 2 },
          // The autocomplete's own small padding wins without !important.
          '& .MuiAutocomplete-root .MuiAutocomplete-inputRoot': { p: '0 !important' },
          '& .MuiAutocomplete-root .MuiAutocomplete-inputRoot .MuiAutocomplete-input': { p: '6px 8px !important' },
          '& .MuiCheckbox-root': { p: '4px' },
        }}
      >
        <thead>
          <tr>
            <th style={{ width: 24 }}>行</th>
            {COLUMNS.map((c) => (
              <th key={c.field} style={{ width: c.width, minWidth: c.width }}>
                {c.label}
              </th>
            ))}
            <th style={{ width: 36 }} aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const p = problems.get(row.key) ?? {};
            const label = (field: CourseField) => `第 ${i + 1} 行${COLUMNS.find((c) => c.field === field)!.label}`;
            const text = (field: 'code' | 'name' | 'nameEn' | 'credits' | 'hours', extra: { inputMode?: 'decimal' | 'numeric' } = {}) => (
              <TextField
                value={row[field]}
                onChange={(e) => set(row.key, { [field]: e.target.value })}
                error={Boolean(p[field])}
                slotProps={{ htmlInput: { 'aria-label': label(field), ...extra } }}
              />
            );
            const choice = (field: 'nature' | 'assessment' | 'scale' | 'term', options: readonly string[], show = (o: string) => o) => (
              <TextField
                select
                value={row[field]}
                onChange={(e) => set(row.key, { [field]: e.target.value })}
                error={Boolean(p[field])}
                // 学期 shows its number in the narrow cell; the list says 第 n 学期.
                slotProps={{ select: { SelectDisplayProps: { 'aria-label': label(field) } as object, ...(field === 'term' ? { renderValue: (v: unknown) => String(v) } : {}) } }}
              >
                {options.map((o) => (
                  <MenuItem key={o} value={o} dense>
                    {show(o)}
                  </MenuItem>
                ))}
              </TextField>
            );
            const messages = COLUMNS.map((c) => p[c.field]).filter((m): m is string => Boolean(m));
            return (
              <Fragment key={row.key}>
                <tr aria-label={`第 ${i + 1} 行`} className={messages.length ? 'has-problems' : undefined}>
                  <td style={{ color: '#5b6676', fontSize: 13, paddingTop: 10 }}>{i + 1}</td>
                  <td>{text('code')}</td>
                  <td>{text('name')}</td>
                  <td>{text('nameEn')}</td>
                  <td>{text('credits', { inputMode: 'decimal' })}</td>
                  <td>{text('hours', { inputMode: 'numeric' })}</td>
                  <td>{choice('nature', COURSE_NATURES)}</td>
                  <td>
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
                  </td>
                  <td>{choice('assessment', COURSE_ASSESSMENTS)}</td>
                  <td>{choice('term', TERMS, (t) => `第 ${t} 学期`)}</td>
                  <td>{choice('scale', GRADE_SCALES)}</td>
                  <td style={{ textAlign: 'center' }}>
                    <Checkbox checked={row.countsTowardGpa} onChange={(e) => set(row.key, { countsTowardGpa: e.target.checked })} slotProps={{ input: { 'aria-label': label('countsTowardGpa') } }} />
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title="删除这门课程">
                      <IconButton size="small" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={`删除第 ${i + 1} 行`} tabIndex={-1}>
                        <DeleteOutlined fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </td>
                </tr>
                {messages.length > 0 && (
                  <tr aria-label={`第 ${i + 1} 行的问题`}>
                    <td />
                    <td colSpan={COLUMNS.length + 1} role="alert" style={{ paddingTop: 0 }}>
                      <Box sx={{ color: 'error.main', fontSize: 13, lineHeight: 1.5 }}>{messages.join('；')}</Box>
                    </td>
                  </tr>
                )}
              </Fragment>
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
