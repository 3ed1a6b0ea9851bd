import type { KeyChangeRequest } from '../../../../shared/ipc/schemas/students';
import { useCallData } from '../../ipc/useCall';
import { RequestChangeDialog } from '../students/keychange/RequestChangeDialog';

interface Props {
  request: KeyChangeRequest;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** 修改后重新提交 from a request's card: the same form as 申请变更, with the student's values as they are now. */
export function AmendRequestDialog({ request, onClose, onDone }: Props) {
  const { data: student } = useCallData('students.get', { id: request.studentId }, String(request.id));
  if (!student) return null;
  return <RequestChangeDialog open student={student} amending={request} onClose={onClose} onDone={onDone} />;
}
