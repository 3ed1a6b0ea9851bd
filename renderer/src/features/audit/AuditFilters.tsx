import RestartAltOutlined from '@mui/icons-material/RestartAltOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../../shared/domain/audit-actions';
import { CodeSelect } from '../students/common/CodeSelect';
import { EMPTY_FILTERS, type AuditFilterValues } from './auditFilters';

// The filters offer the Chinese names; what is sent is the stored code. 学生/students name one entity.
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([code, name]) => ({ code, name }));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS)
  .filter(([code]) => code !== 'students')
  .map(([code, name]) => ({ code, name }));

interface Props {
  onApply: (filters: AuditFilterValues) => void;
}

export function AuditFilters({ onApply }: Props) {
  const [draft, setDraft] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const set = (field: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };

  const dateProps = { type: 'date', slotProps: { inputLabel: { shrink: true } } } as const;

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <form onSubmit={submit} noValidate>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)', lg: 'repeat(6, 1fr) auto' },
            gap: 1.5,
            alignItems: 'center',
          }}
        >
          <TextField label="用户名" value={draft.username} onChange={set('username')} />
          <CodeSelect label="操作" value={draft.action} onChange={(action) => setDraft((d) => ({ ...d, action }))} emptyLabel="全部" options={ACTION_OPTIONS} />
          <CodeSelect label="对象" value={draft.entity} onChange={(entity) => setDraft((d) => ({ ...d, entity }))} emptyLabel="全部" options={ENTITY_OPTIONS} />
          <TextField label="学生" placeholder="学号、身份证号或姓名" value={draft.student} onChange={set('student')} />
          <TextField label="开始日期" value={draft.from} onChange={set('from')} {...dateProps} />
          <TextField label="结束日期" value={draft.to} onChange={set('to')} {...dateProps} />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button type="submit" variant="contained" startIcon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              startIcon={<RestartAltOutlined />}
              onClick={() => {
                setDraft(EMPTY_FILTERS);
                onApply(EMPTY_FILTERS);
              }}
            >
              重置
            </Button>
          </Box>
        </Box>
      </form>
    </Paper>
  );
}
