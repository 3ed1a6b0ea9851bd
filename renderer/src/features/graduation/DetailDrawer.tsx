import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import HighlightOffOutlined from '@mui/icons-material/HighlightOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCallData } from '../../ipc/useCall';
import { OutcomeChip } from './OutcomeChip';
import type { Check } from './types';

/** One check: 要求/实际, the courses that counted, those left out and why; a group's children below it. */
function CheckBlock({ check, depth = 0 }: { check: Check; depth?: number }) {
  const Icon = check.passed ? CheckCircleOutlined : HighlightOffOutlined;
  return (
    <Box sx={{ pl: depth * 2, py: 1 }} aria-label={`检查项 ${check.label}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Icon fontSize="small" color={check.passed ? 'success' : 'error'} />
        <Typography variant="subtitle2">{check.label}</Typography>
        {(check.required !== null || check.actual !== null) && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            要求：{check.required || '—'}　实际：{check.actual || '—'}
          </Typography>
        )}
      </Box>
      {check.line && (
        <Typography variant="body2" color="error" sx={{ mt: 0.5 }}>
          {check.line}
        </Typography>
      )}
      {check.counted.length > 0 && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          计入：{check.counted.map((c) => `${c.name}（${c.countedCredits === c.credits ? c.credits : `${c.countedCredits}/${c.credits}`} 学分）`).join('、')}
        </Typography>
      )}
      {check.leftOut.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 3 }}>
          {check.leftOut.map((c) => (
            <Typography component="li" variant="body2" key={c.code}>
              未计入：{c.name}（{c.code}{c.credits ? `，${c.credits} 学分` : ''}）— {c.why}
            </Typography>
          ))}
        </Box>
      )}
      {check.children?.map((c, i) => <CheckBlock key={i} check={c} depth={depth + 1} />)}
    </Box>
  );
}

interface Props {
  studentId: number;
  onClose: () => void;
}

/** A student's audit line by line: each check's required and actual, counted and left-out courses with why. */
export function DetailDrawer({ studentId, onClose }: Props) {
  const { data, loading, error } = useCallData('graduation.detail', { studentId }, String(studentId));
  return (
    <Drawer anchor="right" open onClose={onClose} sx={{ zIndex: (t) => t.zIndex.drawer + 2 }} slotProps={{ paper: { sx: { width: 560, p: 2 } } }}>
      <Box role="region" aria-label="审核明细">
        {loading && !data && <LoadingBlock />}
        <ErrorAlert error={error} />
        {data && (
          <>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
              <Typography variant="h6">
                {data.row.name}（{data.row.studentNo ?? '无学号'}）
              </Typography>
              <OutcomeChip outcome={data.row.outcome} overridden={data.row.override !== null} />
            </Box>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {data.row.className ?? ''}　培养方案：{data.planName ?? '无'}　按{data.rulesSource}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
              {data.row.auditedBy} 于 {formatDateTime(data.row.auditedAt)} 审核，审核结论：{data.row.ruleOutcome}
            </Typography>
            {data.row.override && (
              <Typography variant="body2" sx={{ mb: 1 }}>
                已由 {data.row.override.by} 于 {formatDateTime(data.row.override.at)} 调整为“{data.row.override.outcome}”，原因：{data.row.override.reason}
              </Typography>
            )}
            <Divider />
            {data.checks.map((c, i) => (
              <CheckBlock key={i} check={c} />
            ))}
            <Box sx={{ mt: 2, textAlign: 'right' }}>
              <Button onClick={onClose}>关闭</Button>
            </Box>
          </>
        )}
      </Box>
    </Drawer>
  );
}
