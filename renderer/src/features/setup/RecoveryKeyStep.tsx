import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { MONO_STACK } from '../../app/theme';
import { KeyText } from './KeyText';
import { RecoveryKeySheet } from './RecoveryKeySheet';

interface Props {
  recoveryKey: string;
  schoolName: string;
  departmentName: string;
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
  onNext: () => void;
}

export function RecoveryKeyStep({ recoveryKey, schoolName, departmentName, confirmed, onConfirmedChange, onNext }: Props) {
  // Leaving the page now would lose the key for good.
  useEffect(() => {
    if (confirmed) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [confirmed]);

  return (
    <Stack spacing={2.5}>
      <Alert severity="warning">
        <strong>恢复密钥只显示这一次。</strong>
        如果所有管理员都忘记了密码，它是重新进入学籍通、找回学生数据的唯一办法。请立即打印或工整抄写，并存放在安全的地方。
      </Alert>
      <Box
        aria-label="恢复密钥"
        role="group"
        sx={{
          fontFamily: MONO_STACK,
          fontSize: { xs: 18, sm: 21 },
          fontWeight: 600,
          letterSpacing: 1,
          lineHeight: 1.7,
          textAlign: 'center',
          wordBreak: 'keep-all',
          py: 3,
          px: 2,
          borderRadius: 2,
          border: '2px dashed',
          borderColor: 'primary.light',
          bgcolor: '#f6f8fc',
          color: 'primary.dark',
          userSelect: 'all',
        }}
        data-testid="recovery-key"
      >
        <KeyText value={recoveryKey} />
      </Box>
      <Box>
        <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        学籍通不会保存恢复密钥的明文，离开本页后无法再次查看。
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={confirmed} onChange={(e) => onConfirmedChange(e.target.checked)} />}
        label="我已打印或抄写恢复密钥并妥善保管"
      />
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" onClick={onNext} disabled={!confirmed}>
          下一步
        </Button>
      </Stack>
      <RecoveryKeySheet recoveryKey={recoveryKey} schoolName={schoolName} departmentName={departmentName} />
    </Stack>
  );
}
