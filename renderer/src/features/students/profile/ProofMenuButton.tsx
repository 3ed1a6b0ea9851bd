import ArrowDropDownOutlined from '@mui/icons-material/ArrowDropDownOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { leavingDocument, LEFT_STATUSES } from '../../../../../shared/domain/graduation/leaving';
import type { ProofKind } from '../../../../../shared/domain/proofs';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { useProofIssuer } from './useProofIssuer';

interface Props {
  student: StudentProfile;
  /** A proof was issued (it is in the student's 修改历史 now). */
  onIssued: () => void;
}

/**
 * 开具证明 on the profile: 在读证明 (only for a student 在籍在校) or 学籍证明, made as a job; when it is
 * ready, 打印 / 保存 PDF. For a student who left (退学, 开除学籍) also the one of 肄业证书 / 学习证明 the
 * leaving rule gives, with why (the service decides again and refuses the other). A refusal (a
 * character the font lacks, a student not 在籍在校) is shown as is.
 */
export function ProofMenuButton({ student, onIssued }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { issue, busy, dialog } = useProofIssuer(onIssued);
  const enrolled = student.status === 'enrolled';
  const leaving = LEFT_STATUSES.has(student.status)
    ? leavingDocument({ status: student.status, enrolmentDate: student.enrolmentDate, statusEvents: student.statusHistory.map((h) => ({ effective: h.effective, status: h.toStatus })) })
    : null;
  const pick = (kind: ProofKind) => (setAnchor(null), void issue(student.id, student.name, kind));

  return (
    <>
      <Button variant="outlined" startIcon={<DescriptionOutlined />} endIcon={<ArrowDropDownOutlined />} onClick={(e) => setAnchor(e.currentTarget)} disabled={busy} aria-haspopup="menu">
        {busy ? '正在生成…' : '开具证明'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => pick('enrolment')} disabled={!enrolled}>
          <ListItemText primary="在读证明" secondary={enrolled ? '证明该生现在我校就读' : '仅限学籍状态为在籍在校的学生'} />
        </MenuItem>
        <MenuItem onClick={() => pick('status')}>
          <ListItemText primary="学籍证明" secondary="写明该生当前的学籍状态" />
        </MenuItem>
        {leaving &&
          (leaving.ok ? (
            <MenuItem onClick={() => pick(leaving.decision.document)} sx={{ whiteSpace: 'normal', maxWidth: 380 }}>
              <ListItemText primary={leaving.decision.title} secondary={leaving.decision.reason} />
            </MenuItem>
          ) : (
            <MenuItem disabled sx={{ whiteSpace: 'normal', maxWidth: 380 }}>
              <ListItemText primary="肄业证书 / 学习证明" secondary={leaving.problem} />
            </MenuItem>
          ))}
      </Menu>
      {dialog}
    </>
  );
}
