import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { decisionsByStep, stepDeciderLabel } from '../../../../../shared/domain/status-changes';
import type { StatusChangeDetail } from '../../../../../shared/ipc/schemas/status-changes';
import { formatDateTime } from '../../../components/format';
import type { StatusChangeEventRow } from '../text';

const byWhom = (e: StatusChangeEventRow) =>
  e.via === 'paper' ? `${e.deciderName ?? ''}（${e.deciderPost ?? ''}）${e.decidedOn ?? ''} 纸质审批` : `${e.actorName} ${formatDateTime(e.at)}`;

/** The approval chain: done steps with who decided them, the step waiting now, the steps to come. */
export function ChainStepper({ order }: { order: StatusChangeDetail }) {
  const decided = decisionsByStep(order.events);
  const active = order.state === 'approved' ? order.steps.length : order.stepIndex;
  return (
    <Stepper activeStep={active} alternativeLabel aria-label="审批流程" sx={{ py: 1 }}>
      {order.steps.map((s, i) => {
        const d = decided.get(i);
        const rejected = order.state === 'returned' && i === order.stepIndex;
        const waiting = order.state === 'pending' && i === order.stepIndex;
        return (
          <Step key={i} completed={order.state === 'approved' || i < order.stepIndex}>
            <StepLabel
              error={rejected}
              optional={
                <Typography variant="caption" component="div" sx={{ color: rejected ? 'error.main' : waiting ? 'warning.dark' : 'text.secondary' }}>
                  {rejected ? '已退回' : waiting ? `等待审批 · 自 ${formatDateTime(order.stepSince)}` : d && d.kind === 'approved' ? byWhom(d) : stepDeciderLabel(s)}
                </Typography>
              }
            >
              {s.label}
            </StepLabel>
          </Step>
        );
      })}
    </Stepper>
  );
}
