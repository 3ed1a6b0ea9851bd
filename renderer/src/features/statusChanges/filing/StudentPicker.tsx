import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { studentNoText } from '../../../../../shared/domain/student-no';
import { call } from '../../../ipc/client';
import { StatusChip } from '../../students/common/StatusChip';
import { useDebounced } from '../../students/roster/useDebounced';

/** The student an order is for, as the form needs them. */
export interface StudentBrief {
  id: number;
  name: string;
  studentNo: string | null;
  className: string | null;
  status?: string;
}

interface Props {
  value: StudentBrief | null;
  onChange: (student: StudentBrief | null) => void;
  error?: string | undefined;
  /** Elsewhere than the order form (the certificate designer's 预览学生): its own words, optional, compact. */
  label?: string;
  required?: boolean;
  size?: 'small' | 'medium';
}

/** Finds a student by 学号 or 姓名 (the roster's one search box: 学号, name, pinyin, ID fragment). */
export function StudentPicker({ value, onChange, error, label = '学生', required = true, size = 'medium' }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [options, setOptions] = useState<StudentBrief[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!q || (value && q === value.name)) return;
    let live = true;
    setLoading(true);
    void call('students.list', { page: 0, pageSize: 20, filter: { q } }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) setOptions(r.value.rows.map((s) => ({ id: s.id, name: s.name, studentNo: s.studentNo, className: s.className, status: s.status })));
    });
    return () => {
      live = false;
    };
  }, [q, value]);

  return (
    <Autocomplete<StudentBrief>
      options={options}
      value={value}
      onChange={(_e, s) => onChange(s)}
      inputValue={text}
      onInputChange={(_e, v) => setText(v)}
      // The server already filtered by what was typed (pinyin, 学号…); don't filter again by the label.
      filterOptions={(x) => x}
      getOptionLabel={(s) => s.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading}
      loadingText="正在查找…"
      noOptionsText={q ? '没有找到该学生' : '输入学号或姓名查找'}
      renderOption={({ key, ...props }, s) => (
        <li key={key} {...props}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, width: '100%' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {s.name}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
              {studentNoText(s.studentNo)}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
              {s.className ?? '未分班'}
            </Typography>
            {s.status && <StatusChip status={s.status} />}
          </Box>
        </li>
      )}
      renderInput={(params) => <TextField {...params} label={label} required={required} size={size} placeholder="输入学号或姓名" error={Boolean(error)} helperText={error ?? (required ? ' ' : undefined)} />}
      autoHighlight
      fullWidth
    />
  );
}
