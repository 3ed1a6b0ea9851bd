import PrintOutlined from '@mui/icons-material/PrintOutlined';
import SaveAltOutlined from '@mui/icons-material/SaveAltOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { printJobOutput, saveJobOutput } from '../../ipc/client';

/** Said wherever a PDF is printed: forms and overlays are laid out to the millimetre. */
export const PRINT_AT_ACTUAL_SIZE = '打印时请选择“实际大小”或缩放 100%，不要选“适合页面”，否则尺寸会变。';

interface Props {
  jobId: string;
  fileName: string;
  onError: (error: AppErrorData) => void;
  size?: 'small' | 'medium';
}

/**
 * 打印 / 保存 PDF for a finished job's PDF, through the host: the desktop opens the system print
 * dialog (the PDF at its own page size), the browser a new tab with its PDF viewer.
 */
export function PdfOutputActions({ jobId, fileName, onError, size = 'medium' }: Props) {
  const print = async () => {
    const r = await printJobOutput(jobId);
    if (!r.ok) onError(r.error);
  };
  const save = async () => {
    const r = await saveJobOutput(jobId, fileName);
    if (!r.ok) onError(r.error);
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button size={size} variant="contained" startIcon={<PrintOutlined />} onClick={() => void print()}>
          打印
        </Button>
        <Button size={size} variant="outlined" startIcon={<SaveAltOutlined />} onClick={() => void save()}>
          保存 PDF
        </Button>
      </Box>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5 }}>
        {PRINT_AT_ACTUAL_SIZE}
      </Typography>
    </Box>
  );
}
