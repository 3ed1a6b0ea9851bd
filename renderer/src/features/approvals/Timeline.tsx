import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ApprovalEvent } from '../../../../shared/ipc/schemas/approvals';
import { formatDateTime } from '../../components/format';
import { EVENT_LABELS } from '../statusChanges/text';

type StatusChangeEventRow = ApprovalEvent;

const DOT: Record<StatusChangeEventRow['kind'], string> = {
  filed: '#1f4e8c',
  amended: '#1f4e8c',
  approved: '#1e6b3a',
  applied: '#1e6b3a',
  rejected: '#a32020',
  withdrawn: '#6b7685',
  attached: '#6b7685',
  served: '#8a5300',
};

/** What the event's text is: the reason filed, the approver's opinion, the file attached… */
const OPINION_PREFIX: Record<StatusChangeEventRow['kind'], string> = {
  filed: '原因：',
  amended: '原因：',
  approved: '意见：',
  rejected: '退回理由：',
  withdrawn: '说明：',
  applied: '',
  attached: '',
  served: '',
};

interface Props {
  events: readonly ApprovalEvent[];
  /** The name of an attached file, when the order lists it (学籍异动's evidence). */
  fileName?: (attachmentId: number) => string | null;
  canDownload: boolean;
  onDownload: (attachmentId: number) => void;
}

/** One line of the timeline: what happened, at which step, by whom (a paper decision by the name and post on the paper). */
function headline(e: StatusChangeEventRow): string {
  const what = e.kind === 'rejected' && e.via === 'paper' ? '纸质审批：不同意，退回' : e.kind === 'approved' && e.via === 'paper' ? '纸质审批：同意' : EVENT_LABELS[e.kind];
  return e.stepLabel && (e.kind === 'approved' || e.kind === 'rejected') ? `${e.stepLabel} · ${what}` : what;
}

/** 办理经过: every event of an order on the approval engine (学籍异动, 信息变更申请), oldest first. */
export function Timeline({ events, fileName: nameOf, canDownload, onDownload }: Props) {
  const fileName = (id: number | null) => (id === null ? null : (nameOf?.(id) ?? null));
  return (
    <Box component="ol" aria-label="办理经过" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {events.map((e, i) => {
        const file = fileName(e.attachmentId);
        return (
          <Box component="li" key={e.id} sx={{ display: 'flex', gap: 1.5 }}>
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: DOT[e.kind], flexShrink: 0 }} />
              {i < events.length - 1 && <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', my: 0.5 }} />}
            </Box>
            <Box sx={{ pb: 2, minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {headline(e)}
              </Typography>
              <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
                {e.via === 'paper'
                  ? `审批人：${e.deciderName ?? ''}（${e.deciderPost ?? ''}），审批日期 ${e.decidedOn ?? ''}；${e.actorName} 于 ${formatDateTime(e.at)} 登记`
                  : `${e.actorName} · ${formatDateTime(e.at)}`}
              </Typography>
              {e.kind === 'served' ? (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  送达日期 {e.decidedOn ?? ''}，{e.opinion ?? ''}
                </Typography>
              ) : (
                e.opinion && (
                  <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line' }}>
                    {OPINION_PREFIX[e.kind]}
                    {e.opinion}
                  </Typography>
                )
              )}
              {e.attachmentId !== null &&
                (canDownload ? (
                  <Button size="small" onClick={() => onDownload(e.attachmentId!)} sx={{ px: 0.5, minWidth: 0 }}>
                    {e.via === 'paper' ? '查看审批扫描件' : `下载 ${file ?? '材料'}`}
                  </Button>
                ) : (
                  file && (
                    <Typography variant="caption" sx={{ display: 'block' }}>
                      {file}
                    </Typography>
                  )
                ))}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
