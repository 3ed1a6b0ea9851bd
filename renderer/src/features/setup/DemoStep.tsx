import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { onEvent } from '../../ipc/client';
import { useCall } from '../../ipc/useCall';

interface Props {
  onFinished: () => void;
}

/** Optional: fills the new database with made-up students to try the app with. */
export function DemoStep({ onFinished }: Props) {
  const { run, loading, error } = useCall('setup.loadDemo');
  const [count, setCount] = useState('200');
  const [progress, setProgress] = useState<EventPayload<'progress'> | null>(null);
  const [loaded, setLoaded] = useState<{ majors: number; classes: number; students: number } | null>(null);

  useEffect(() => (loading ? onEvent('progress', setProgress) : undefined), [loading]);

  const load = async () => {
    setProgress(null);
    const result = await run({ students: Number(count) });
    if (result.ok) setLoaded(result.value);
  };

  if (loaded) {
    return (
      <Stack spacing={2.5}>
        <Alert severity="success">
          已加载演示数据：{loaded.majors} 个专业、{loaded.classes} 个班级、{loaded.students} 名学生。
        </Alert>
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <Button variant="contained" onClick={onFinished}>
            进入学籍通
          </Button>
        </Stack>
      </Stack>
    );
  }

  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : null;
  return (
    <Stack spacing={2.5}>
      <Typography variant="body2" sx={{ color: 'text.secondary', lineHeight: 1.8 }}>
        设置已经完成。如果想先熟悉学籍通，可以加载一批虚构的专业、班级和学生作为演示数据；正式使用时请跳过此步。
      </Typography>
      <ErrorAlert error={error} />
      <TextField
        label="学生人数"
        type="number"
        value={count}
        onChange={(e) => setCount(e.target.value)}
        disabled={loading}
        sx={{ maxWidth: 200 }}
        slotProps={{ htmlInput: { min: 1, step: 100 } }}
      />
      {loading && (
        <Box>
          <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} />
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {progress?.message ?? '正在生成演示数据…'}
          </Typography>
        </Box>
      )}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onFinished} disabled={loading}>
          跳过
        </Button>
        <Button variant="contained" onClick={() => void load()} disabled={loading || !count.trim()}>
          {loading ? '正在加载…' : '加载演示数据'}
        </Button>
      </Stack>
    </Stack>
  );
}
