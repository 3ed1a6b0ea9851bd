import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import { IssuesPanel } from './IssuesPanel';
import { SPEC_WORDS } from './specWords';
import type { Committed } from './wizardTypes';

interface Props {
  spec: ImportSpecId;
  result: Committed;
  onAnother: () => void;
  onShowBatches: () => void;
}

/** 导入完成: what was written, what was left out and why, and where to go next. */
export function CommitResult({ spec, result, onAnother, onShowBatches }: Props) {
  const words = SPEC_WORDS[spec];
  const studentNumbers = result.roster?.studentNumbers ?? null;
  const keyChangeRequests = result.roster?.keyChangeRequests ?? 0;
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" role="status" sx={{ p: 3, display: 'flex', gap: 2, alignItems: 'flex-start', bgcolor: '#f1f8f3', borderColor: '#b7dcc2' }}>
        <CheckCircleOutlined sx={{ fontSize: 40, color: 'success.main' }} />
        <Box sx={{ flex: 1 }}>
          <Typography variant="h6" component="h3">
            {words.resultTitle(result)}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            共处理 {result.rows} 行。
            {result.batchId === null ? '' : spec === 'courses' ? '本次导入已记入“导入记录”。' : '本次导入已记入“导入记录”，如发现导错了文件，可以在那里撤销。'}
          </Typography>
          {studentNumbers && (
            <Alert severity={studentNumbers.skipped.length ? 'warning' : 'success'} sx={{ mt: 1.5 }}>
              已按学号规则为 {studentNumbers.assigned} 名新生编排学号。
              {studentNumbers.skipped.length > 0 &&
                `${studentNumbers.skipped.length} 名无法编排，仍为待编学号：${studentNumbers.skipped.slice(0, 5).map((s) => `${s.name}（${s.reason}）`).join('；')}`}
            </Alert>
          )}
          {keyChangeRequests > 0 && (
            <Alert severity="info" sx={{ mt: 1.5 }}>
              已提交 {keyChangeRequests} 份变更申请（已注册学生的关键信息），审批通过后生效。
              <Link component={RouterLink} to="/key-changes" sx={{ ml: 1 }}>
                查看变更申请
              </Link>
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
            {words.resultLink && (
              <Button variant="contained" component={RouterLink} to={words.resultLink.to}>
                {words.resultLink.label}
              </Button>
            )}
            <Button variant="outlined" onClick={onAnother}>
              导入另一个文件
            </Button>
            <Button onClick={onShowBatches}>查看导入记录</Button>
          </Box>
        </Box>
      </Paper>
      {result.errors.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            未导入的行
          </Typography>
          <IssuesPanel issues={result.errors} total={result.errors.length} />
        </>
      )}
    </Stack>
  );
}
