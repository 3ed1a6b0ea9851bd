import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import Button from '@mui/material/Button';
import { useCall } from '../../ipc/useCall';
import type { AuditVerifyOutput } from '../../../../shared/ipc/schemas/audit';

interface Props {
  onResult: (result: AuditVerifyOutput | null, error: string | null) => void;
}

export function VerifyChainButton({ onResult }: Props) {
  const { run, loading } = useCall('audit.verify');
  const verify = async () => {
    onResult(null, null);
    const result = await run({});
    if (result.ok) onResult(result.value, null);
    else onResult(null, result.error.message);
  };
  return (
    <Button variant="outlined" startIcon={<VerifiedUserOutlined />} onClick={() => void verify()} disabled={loading}>
      {loading ? '正在校验…' : '校验审计链'}
    </Button>
  );
}
