import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { isDecision } from '../../../../../shared/domain/status-changes';
import { studentTag } from '../../../../../shared/domain/student-no';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { call } from '../../../ipc/client';
import { DecideDialog as StepDecideDialog, type DecideMode } from '../../approvals/DecideDialog';

export type { DecideMode };

interface Props {
  order: StatusChangeDetail;
  mode: DecideMode | null;
  onClose: () => void;
  onDone: (order: StatusChangeDetail, message: string) => void;
}

/** A step of a 学籍异动 decided, with the 决定文号 a decision's last approval may bring. */
export function DecideDialog({ order, mode, onClose, onDone }: Props) {
  const [decisionNo, setDecisionNo] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (mode) {
      setDecisionNo(order.data.decisionNo ?? '');
      setError(null);
    }
  }, [mode, order]);
  // The decision number may come with the last approval (41号令 第五十六条: the 校长办公会's decision).
  const asks = (finalApproval: boolean) => finalApproval && isDecision(order.type, order.subtype);

  return (
    <StepDecideDialog
      subject={{ id: order.id, steps: order.steps, stepIndex: order.stepIndex, stepSince: order.stepSince, heading: `第 ${order.id} 号 · ${studentTag(order.studentName, order.studentNo)} · ${order.title}` }}
      noun="学籍异动"
      mode={mode}
      onClose={onClose}
      send={async (d) => {
        const r = await call('statusChanges.decide', { ...d, ...(asks(d.approve && order.stepIndex === order.steps.length - 1) && decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}) });
        setError(!r.ok && r.error.field === 'decisionNo' ? r.error.message : null);
        return r;
      }}
      onDone={onDone}
      finalNote="批准后学籍异动立即生效，学生的学籍状态随之改变。"
      missingForFinal={order.missingForFinal}
      extraFields={['decisionNo']}
      extra={(finalApproval) =>
        asks(finalApproval) && (
          <TextField
            label="决定文号"
            value={decisionNo}
            onChange={(e) => setDecisionNo(e.target.value)}
            error={Boolean(error)}
            helperText={error ?? '学校处理决定书的文号，最后一步批准时须已填写'}
          />
        )
      }
    />
  );
}
