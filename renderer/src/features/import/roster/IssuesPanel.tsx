import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type ReactNode } from 'react';
import { IssuesGrid } from './IssuesGrid';
import { countByCode } from './issueText';
import { IssueTypeChips } from './IssueTypeChips';
import type { Issue } from './wizardTypes';

interface Props {
  issues: readonly Issue[];
  /** All problems found; more than `issues` when the list was shortened for display. */
  total: number;
  actions?: ReactNode;
}

/** 问题清单: the kinds of problem, then every one of them by row and column. */
export function IssuesPanel({ issues, total, actions }: Props) {
  const [code, setCode] = useState<string | null>(null);
  const counts = useMemo(() => countByCode(issues), [issues]);
  const shown = useMemo(() => (code === null ? issues : issues.filter((i) => i.code === code)), [issues, code]);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <Paper variant="outlined" component="section" aria-label="问题清单" sx={{ overflow: 'hidden' }}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: '1px solid', borderColor: 'divider', display: 'flex', flexDirection: 'column', gap: 1.25 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            问题清单
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', flexGrow: 1 }}>
            {total > issues.length
              ? `共 ${total} 个问题，下方列出前 ${issues.length} 个`
              : `共 ${total} 个问题：错误 ${errors} 个（该行不能导入）、提醒 ${issues.length - errors} 个（可以导入，建议核对）`}
          </Typography>
          {actions}
        </Box>
        <IssueTypeChips counts={counts} total={issues.length} selected={code} onSelect={setCode} />
      </Box>
      {total > issues.length && (
        <Alert severity="info" sx={{ borderRadius: 0 }}>
          问题较多，这里只列出前 {issues.length} 个；完整清单请点击“下载问题清单”，在 Excel 中查看标出的单元格。
        </Alert>
      )}
      <IssuesGrid issues={shown} />
    </Paper>
  );
}
