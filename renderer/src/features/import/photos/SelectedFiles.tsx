import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { formatFileSize } from '../../../components/fileData';

interface Props {
  files: readonly File[];
  disabled?: boolean;
  onClear: () => void;
}

const SHOWN = 12;

/** The photo files picked so far. */
export function SelectedFiles({ files, disabled = false, onClear }: Props) {
  if (files.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        尚未选择文件。
      </Typography>
    );
  }
  const size = files.reduce((n, f) => n + f.size, 0);
  return (
    <Box aria-label="已选择的文件">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          已选择 {files.length} 个文件，共 {formatFileSize(size)}
        </Typography>
        <Button size="small" color="inherit" onClick={onClear} disabled={disabled}>
          清除
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}>
        {files.slice(0, SHOWN).map((f) => (
          <Chip key={`${f.name}:${f.size}:${f.lastModified}`} size="small" variant="outlined" icon={<InsertDriveFileOutlined />} label={f.name} />
        ))}
        {files.length > SHOWN && <Chip size="small" label={`等 ${files.length} 个文件`} />}
      </Box>
    </Box>
  );
}
