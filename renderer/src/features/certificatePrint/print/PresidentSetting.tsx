import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { useCall, useCallData } from '../../../ipc/useCall';

/** 校（院）长姓名: printed on every certificate, the school's, not a student's. */
export function PresidentSetting() {
  const settings = useCallData('certificateTemplates.settings', {});
  const save = useCall('certificateTemplates.saveSettings');
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setName(settings.data.presidentName);
  }, [settings.data]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        证书上的校（院）长姓名
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center' }}>
        <TextField size="small" label="校（院）长姓名" value={name} onChange={(e) => setName(e.target.value)} sx={{ width: 240 }} />
        <Button
          variant="outlined"
          disabled={save.loading || !settings.data || name === settings.data.presidentName}
          onClick={async () => {
            const r = await save.run({ presidentName: name });
            if (r.ok) {
              settings.setData(r.value);
              setNotice('已保存校（院）长姓名');
            }
          }}
        >
          保存
        </Button>
      </Box>
      <ErrorAlert error={settings.error ?? save.error} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Paper>
  );
}
