import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlineOutlined from '@mui/icons-material/DeleteOutlineOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { format, isValid, parseISO } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import { useEffect, useState } from 'react';
import { calendarYears, holidayCalendarProblems } from '../../../../../shared/domain/working-days';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../../ipc/useCall';

type Settings = CallOutput<'statusChanges.settings'>;
type Day = Settings['calendar']['holidays'][number];
type Lists = Settings['calendar'];

const weekday = (day: string) => {
  const d = parseISO(day);
  return isValid(d) ? format(d, 'EEEE', { locale: zhCN }) : '';
};
const sorted = (days: Day[]) => [...days].sort((a, b) => a.day.localeCompare(b.day));

function DayList({ title, hint, days, onChange }: { title: string; hint: string; days: Day[]; onChange: (days: Day[]) => void }) {
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const add = () => {
    if (!day || days.some((d) => d.day === day)) return;
    onChange(sorted([...days, { day, name: name.trim() }]));
    setDay('');
  };
  return (
    <Box component="section" aria-label={title} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h4">
        {title}（{days.length} 天）
      </Typography>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mb: 1 }}>
        {hint}
      </Typography>
      <Box sx={{ maxHeight: 360, overflow: 'auto', border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
        {days.length === 0 && (
          <Typography variant="body2" sx={{ color: 'text.secondary', p: 2 }}>
            暂无
          </Typography>
        )}
        {days.map((d, i) => (
          <Box key={d.day} sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 0.5, '&:nth-of-type(even)': { bgcolor: '#f6f8fb' } }}>
            <Typography variant="body2" sx={{ width: 100, flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
              {d.day}
            </Typography>
            <Typography variant="body2" sx={{ width: 48, flexShrink: 0, color: 'text.secondary' }}>
              {weekday(d.day)}
            </Typography>
            <TextField
              size="small"
              variant="standard"
              placeholder="名称（如 国庆节）"
              value={d.name}
              onChange={(e) => onChange(days.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              slotProps={{ htmlInput: { maxLength: 20, 'aria-label': `${d.day} 的名称` } }}
              sx={{ flexGrow: 1 }}
            />
            <IconButton size="small" aria-label={`删除 ${d.day}`} onClick={() => onChange(days.filter((_, j) => j !== i))}>
              <DeleteOutlineOutlined fontSize="small" />
            </IconButton>
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center' }}>
        <TextField size="small" type="date" label="日期" value={day} onChange={(e) => setDay(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: 170, flexShrink: 0 }} />
        <TextField size="small" label="名称" value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { maxLength: 20 } }} sx={{ width: 140 }} />
        <Button startIcon={<AddOutlined />} onClick={add} disabled={!day} sx={{ flexShrink: 0 }}>
          添加
        </Button>
      </Box>
    </Box>
  );
}

/** 节假日安排: weekday days off and 调休 weekend working days, for counting 工作日 (overdue steps). */
export function CalendarEditor({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings, message: string) => void }) {
  const [lists, setLists] = useState<Lists>(settings.calendar);
  const { run, loading, error } = useCall('statusChanges.saveCalendar');
  useEffect(() => setLists(settings.calendar), [settings]);
  const plain = { holidays: lists.holidays.map((d) => d.day), workdays: lists.workdays.map((d) => d.day) };
  const problems = holidayCalendarProblems(plain);
  const years = calendarYears(plain);
  const changed = JSON.stringify(lists) !== JSON.stringify(settings.calendar);

  const save = async () => {
    const r = await run({ holidays: lists.holidays, workdays: lists.workdays });
    if (r.ok) onSaved(r.value, '已保存节假日安排');
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        按国务院办公厅每年公布的放假安排填写，用于计算审批等待的工作日。周六、周日本来就是休息日，只需列出落在工作日的放假日；调休上班的周末列为“调休上班日”。
        {years.length > 0 ? ` 已填写 ${years.join('、')} 年；其他年份只按周末计算。` : ' 尚未填写任何年份，目前只按周末计算。'}
      </Typography>
      {problems.length > 0 && (
        <Alert severity="warning">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3 }}>
        <DayList title="放假日" hint="落在周一至周五的放假日期" days={lists.holidays} onChange={(holidays) => setLists((l) => ({ ...l, holidays }))} />
        <DayList title="调休上班日" hint="需要上班的周六、周日" days={lists.workdays} onChange={(workdays) => setLists((l) => ({ ...l, workdays }))} />
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
        <Button disabled={!changed || loading} onClick={() => setLists(settings.calendar)}>
          放弃修改
        </Button>
        <Button variant="contained" disabled={!changed || loading || problems.length > 0} onClick={() => void save()}>
          {loading ? '正在保存…' : '保存节假日安排'}
        </Button>
      </Box>
    </Stack>
  );
}
