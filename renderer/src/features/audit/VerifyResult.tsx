import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { AuditVerifyOutput } from '../../../../shared/ipc/schemas/audit';

const KIND_LABELS = { edited: '被修改', inserted: '被插入', deleted: '被删除' } as const;

interface Props {
  result: AuditVerifyOutput;
  onClose: () => void;
}

export function VerifyResult({ result, onClose }: Props) {
  const integrity = result.integrity ?? [];
  if (result.ok && result.problems.length === 0 && integrity.length === 0) {
    return (
      <Alert severity="success" onClose={onClose} sx={{ mb: 2 }}>
        审计链完整（共 {result.checked} 条）
      </Alert>
    );
  }
  return (
    <Alert severity="error" onClose={onClose} sx={{ mb: 2 }}>
      <AlertTitle>审计链校验发现问题（已检查 {result.checked} 条）</AlertTitle>
      审计日志或数据文件可能被人直接改动或已损坏，请联系管理员，用备份核对。
      <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
        {result.problems.map((p, i) => (
          <li key={`${p.id}-${i}`}>
            第 {p.id} 条（{KIND_LABELS[p.kind]}）：{p.message}
          </li>
        ))}
        {integrity.map((line, i) => (
          <li key={`integrity-${i}`}>数据文件检查：{line}</li>
        ))}
      </ul>
    </Alert>
  );
}
