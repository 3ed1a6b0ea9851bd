import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ChosenFile } from './wizardTypes';

interface Props {
  file: ChosenFile;
  sheet: string;
  disabled?: boolean;
  onChange: () => void;
}

/** The file being imported, shown above the later steps. */
export function FileBar({ file, sheet, disabled = false, onChange }: Props) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 1, mb: 2.5, borderRadius: 1, bgcolor: '#f3f6fa', flexWrap: 'wrap' }}>
      <DescriptionOutlined fontSize="small" sx={{ color: 'text.secondary' }} />
      <Typography variant="body2" sx={{ fontWeight: 500, wordBreak: 'break-all' }}>
        {file.fileName}
      </Typography>
      {file.opened.kind !== 'csv' && sheet && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          · 工作表“{sheet}”
        </Typography>
      )}
      {file.opened.kind === 'csv' && file.opened.encoding && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          · 编码 {file.opened.encoding}
        </Typography>
      )}
      <Box sx={{ flexGrow: 1 }} />
      <Button size="small" onClick={onChange} disabled={disabled}>
        重新选择文件
      </Button>
    </Box>
  );
}
