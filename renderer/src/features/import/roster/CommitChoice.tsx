import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface OptionProps {
  icon: ReactNode;
  title: string;
  text: string;
  children: ReactNode;
}

function Option({ icon, title, text, children }: OptionProps) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 280, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'primary.main' }}>
        {icon}
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600, color: 'text.primary' }}>
          {title}
        </Typography>
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
        {text}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>{children}</Box>
    </Paper>
  );
}

interface Props {
  invalid: number;
  /** Rows that may be imported on their own (0: the import is written whole). */
  valid: number;
  /** What fixing the file gains: 这样所有学生一次导入完整。 */
  whole: string;
  busy: boolean;
  report: ReactNode;
  onFixFile: () => void;
  onSkipInvalid: () => void;
}

/** When some rows have errors: fix the file and start again, or import the rest now. */
export function CommitChoice({ invalid, valid, whole, busy, report, onFixFile, onSkipInvalid }: Props) {
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <Option icon={<EditNoteOutlined />} title={valid > 0 ? '修改文件后重新导入（推荐）' : '修改文件后重新导入'} text={`下载问题清单，在 Excel 中改正标出的 ${invalid} 行，保存后重新选择文件导入。${whole}`}>
        {report}
        <Button variant="contained" onClick={onFixFile} disabled={busy}>
          修改文件后重新导入
        </Button>
      </Option>
      {valid > 0 && (
        <Option icon={<PlaylistAddCheckOutlined />} title="跳过有问题的行" text={`现在只导入没有错误的 ${valid} 行，有问题的 ${invalid} 行不导入；改正后可以把这些行单独再导入一次。`}>
          <Button variant="outlined" onClick={onSkipInvalid} disabled={busy}>
            只导入有效的 {valid} 行
          </Button>
        </Option>
      )}
    </Box>
  );
}
