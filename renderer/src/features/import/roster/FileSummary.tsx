import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatFileSize } from '../../../components/fileData';
import { KIND_LABELS } from './fileKind';
import type { ChosenFile } from './wizardTypes';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {value}
      </Typography>
    </Box>
  );
}

/** What was read from the chosen file: its name, type, encoding and sheets. */
export function FileSummary({ file }: { file: ChosenFile }) {
  const { opened } = file;
  const rows = opened.sheets.reduce((n, s) => n + s.rows, 0);
  return (
    <Paper variant="outlined" aria-label="已选择的文件" sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'flex-start', bgcolor: '#f8fafd' }}>
      <DescriptionOutlined sx={{ fontSize: 40, color: opened.kind !== 'csv' ? '#1d6f42' : 'primary.main' }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
          {file.fileName}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 2, mt: 1 }}>
          <Fact label="文件类型" value={KIND_LABELS[opened.kind]} />
          <Fact label="文件大小" value={formatFileSize(file.size)} />
          {opened.kind === 'csv' && <Fact label="检测到的编码" value={opened.encoding ?? '未知'} />}
          {opened.kind !== 'csv' && <Fact label="工作表" value={`${opened.sheets.length} 个`} />}
          <Fact label="行数" value={`${rows} 行`} />
        </Box>
      </Box>
    </Paper>
  );
}
