import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Props {
  error: AppErrorData | null;
  onRestart: () => void;
  onClose?: () => void;
}

/**
 * A server error of a wizard step. When it is about the uploaded file itself (expired, already
 * imported) the only way on is to choose the file again, so that is offered.
 */
export function UploadError({ error, onRestart, onClose }: Props) {
  if (!error) return null;
  return (
    <Box>
      <ErrorAlert error={error} onClose={onClose} />
      {error.field === 'uploadId' && (
        <Button size="small" variant="outlined" onClick={onRestart} sx={{ mt: 1 }}>
          重新选择文件
        </Button>
      )}
    </Box>
  );
}
