import UpgradeOutlined from '@mui/icons-material/UpgradeOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { format } from 'date-fns';
import { useEffect, useState, type ReactNode } from 'react';
import { rolloverDefaultDay, schoolYearLabel } from '../../../../shared/domain/school-year';
import type { CallOutput } from '../../../../shared/ipc/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCall, useCallData } from '../../ipc/useCall';
import { LastRollover } from './LastRollover';
import { RolloverTable } from './RolloverTable';
import { RolloverTotals } from './RolloverTotals';

type Result = CallOutput<'yearRollover.apply'>;

/** Why the 升级日期 cannot be confirmed, or null: a day of the next 学年, not still to come. */
function dayProblem(day: string, toLabel: string, opensOn: string, lastDay: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '请填写升级日期';
  if (day < opensOn || day > lastDay) return `升级日期应在${toLabel}内（${opensOn} 至 ${lastDay}）`;
  if (day > today) return `升级日期 ${day} 还没到，请到当天或之后再升级`;
  return null;
}

/**
 * 系统设置 › 学年升级: what the roll-over into the next 学年 does per class, done on a day the admin
 * confirms (1 August by default), undoable the same day. The whole department moves at once, so the
 * main process refuses an admin limited to some classes; its message is shown as it comes.
 */
export function YearRolloverPanel({ onDone }: { onDone: (message: string) => void }) {
  const { data, error, loading, reload } = useCallData('yearRollover.preview', {});
  const apply = useCall('yearRollover.apply');
  const undo = useCall('yearRollover.undo');
  const [day, setDay] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  // Counts of the roll-over done in this window: the preview's `last` does not carry them.
  const [done, setDone] = useState<Result | null>(null);

  // A new 学年 to move into (after an apply or undo) brings its own default day.
  useEffect(() => {
    if (data) setDay(data.effectiveOn);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only another 学年 resets the day the admin typed
  }, [data?.toYear]);

  if (error) return <Section><ErrorAlert error={error} /></Section>;
  if (!data) return loading ? <LoadingBlock /> : null;

  const next = data.toYear;
  const opensOn = rolloverDefaultDay(next);
  const lastDay = `${next + 1}-07-31`;
  const today = format(new Date(), 'yyyy-MM-dd');
  // The new 学年 has not begun: confirmed early, a cohort would be marked 毕业年级 a year too soon (the main process refuses it too).
  const notYet = today < opensOn;
  const problem = dayProblem(day, data.toLabel, opensOn, lastDay, today);

  // Someone else moved the year (another window): show what is true now.
  const refused = (message: string) => {
    setConflict(message);
    reload();
  };

  const runApply = async () => {
    const r = await apply.run({ effectiveOn: day, fromYear: data.fromYear });
    if (!r.ok) {
      if (r.error.code === 'CONFLICT') {
        setConfirming(false);
        refused(`学年升级已在其他窗口完成（${r.error.message.replace(/，?请刷新后再看。?$/, '')}），下面已重新载入最新情况，请核对。`);
      }
      return;
    }
    setConfirming(false);
    setConflict(null);
    setDone(r.value);
    onDone(`已升级到${data.toLabel}：${r.value.students} 人升入下一年级，${r.value.graduating} 人标记为毕业年级`);
    reload();
  };

  const runUndo = async () => {
    if (!data.last) return;
    const r = await undo.run({ id: data.last.id });
    if (!r.ok) {
      if (r.error.code === 'CONFLICT' || r.error.code === 'NOT_FOUND') {
        setUndoing(false);
        refused(r.error.message);
      }
      return;
    }
    setUndoing(false);
    setConflict(null);
    setDone(null);
    onDone(`已撤销学年升级，回到${schoolYearLabel(r.value.toYear)}，取消 ${r.value.graduating} 人的毕业年级标记`);
    reload();
  };

  return (
    <Section>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        每年一次：全系在籍在校学生升入下一年级，进入最后一年的年级标记为毕业年级，供毕业工作使用。休学、保留学籍的学生不升级，复学时编入相应年级的班级。
      </Typography>
      {conflict && <Alert severity="warning" onClose={() => setConflict(null)} sx={{ mb: 2 }}>{conflict}</Alert>}
      {data.last && (
        <LastRollover last={data.last} done={done?.id === data.last.id ? done : null} onUndo={() => { undo.reset(); setUndoing(true); }} />
      )}
      {notYet && (
        <Alert severity="info" sx={{ mb: 2 }}>
          系里现在是{data.fromLabel}。升级到{data.toLabel}最早在 {opensOn}（新学年开始）进行，下表是届时将要发生的情况。
        </Alert>
      )}

      <Box sx={{ display: 'flex', gap: 4, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}>
        <Fact label="当前学年" value={data.fromLabel} />
        <Fact label="升级后" value={data.toLabel} />
        <TextField
          type="date"
          label="升级日期"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          // Before the new 学年 there is no day to choose yet: said once above, not as an error here.
          disabled={notYet}
          error={!notYet && problem !== null}
          helperText={notYet ? `${opensOn} 起可以升级` : (problem ?? '新学年从这一天起算')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: opensOn, max: today < lastDay ? today : lastDay } }}
          sx={{ width: 240 }}
        />
      </Box>

      <RolloverTable lines={data.lines} />
      <RolloverTotals preview={data} />

      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button
          variant="contained"
          startIcon={<UpgradeOutlined />}
          disabled={problem !== null || data.totals.students === 0}
          onClick={() => {
            apply.reset();
            setConfirming(true);
          }}
        >
          学年升级…
        </Button>
      </Box>

      <ConfirmDialog
        open={confirming}
        title="确认学年升级"
        confirmLabel="确认升级"
        busyLabel="正在升级…"
        busy={apply.loading}
        error={apply.error}
        onConfirm={() => void runApply()}
        onClose={() => setConfirming(false)}
      >
        <Box component="ul" aria-label="升级内容" sx={{ m: 0, pl: 2.5, '& li': { mb: 0.75 } }}>
          <li>学年：{data.fromLabel} → {data.toLabel}（{day} 起）</li>
          <li>{data.totals.students} 人升入下一年级</li>
          <li>{data.totals.graduating} 人标记为毕业年级</li>
          {data.totals.withoutClass > 0 && <li>{data.totals.withoutClass} 名未分班的在籍学生不会升级</li>}
        </Box>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          当天可以撤销；之后如需调整，请按学籍异动逐个办理。
        </Typography>
      </ConfirmDialog>

      {data.last && (
        <ConfirmDialog
          open={undoing}
          title="撤销本次升级"
          confirmLabel="撤销升级"
          busyLabel="正在撤销…"
          busy={undo.loading}
          danger
          error={undo.error}
          onConfirm={() => void runUndo()}
          onClose={() => setUndoing(false)}
        >
          <Typography variant="body2">
            学年回到{schoolYearLabel(data.last.fromYear)}，本次升级标记的毕业年级全部取消。撤销会记入操作日志。
          </Typography>
        </ConfirmDialog>
      )}
    </Section>
  );
}

function Section({ children }: { children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label="学年升级" sx={{ p: 3, mt: 2.5, maxWidth: 1040 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        学年升级
      </Typography>
      {children}
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
        {label}
      </Typography>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {value}
      </Typography>
    </Box>
  );
}
