import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { isDecision, STATUS_CHANGE_TYPES } from '../../../../../shared/domain/status-changes';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { statusName } from '../../students/common/codeNames';
import { endDateLabel, otherSchoolLabel } from '../filing/fieldLabels';

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Box sx={{ minWidth: 0, gridColumn: wide ? '1 / -1' : undefined }}>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 500, wordBreak: 'break-all', whiteSpace: 'pre-line' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** What the order says: the fields its type uses, and the decision's 送达 and 申诉期限 once served. */
export function OrderFacts({ order: o }: { order: StatusChangeDetail }) {
  const info = STATUS_CHANGE_TYPES[o.type];
  const d = o.data;
  const decision = isDecision(o.type, o.subtype);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>
      <Fact label="异动类型">{o.title}</Fact>
      <Fact label="学籍状态">
        {statusName(o.fromStatus)} → {statusName(o.toStatus)}
      </Fact>
      <Fact label="生效日期">{d.effectiveDate}</Fact>
      <Fact label="学期">{d.term}</Fact>
      {info.expectedEnd && <Fact label={endDateLabel(o.type)}>{d.expectedEnd ?? '—'}</Fact>}
      {info.targetClass && <Fact label="转入班级">{d.targetClassName ?? (info.targetClass === 'optional' ? '回原班级' : '—')}</Fact>}
      {info.otherSchool && <Fact label={otherSchoolLabel(o.type)}>{d.otherSchool ?? '—'}</Fact>}
      {decision && <Fact label="决定文号">{d.decisionNo ?? '未填写'}</Fact>}
      {decision && <Fact label="送达">{d.servedOn ? `${d.servedOn} ${d.servedMethod ?? ''}` : '未送达'}</Fact>}
      {decision && <Fact label="申诉期限">{o.appealDeadline ? `${o.appealDeadline} 前（送达之日起 10 日）` : '送达后计算'}</Fact>}
      <Fact label="异动原因" wide>
        {d.reason}
      </Fact>
    </Box>
  );
}
