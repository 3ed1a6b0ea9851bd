import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { BrandMark } from '../../components/BrandMark';
import { CenteredLayout } from '../../components/CenteredLayout';
import { splitErrors } from '../../components/formErrors';
import { useCall } from '../../ipc/useCall';
import { AdminStep } from './AdminStep';
import { DemoStep } from './DemoStep';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { SchoolStep } from './SchoolStep';
import { SCHOOL_FIELDS, SETUP_FIELDS, type AdminForm, type SchoolForm } from './setupTypes';

const STEPS = ['院系信息', '管理员账户', '恢复密钥', '演示数据'];
const STEP_TITLES = ['填写院系信息', '创建管理员账户', '保存恢复密钥', '加载演示数据（可选）'];

interface Props {
  /** Setup is done and the administrator is signed in. */
  onFinished: () => void;
}

/** First run: creates the encrypted data folder, the administrator and the recovery key. */
export function SetupWizard({ onFinished }: Props) {
  const [step, setStep] = useState(0);
  const [school, setSchool] = useState<SchoolForm>({ schoolCode: '', schoolName: '', departmentName: '' });
  const [admin, setAdmin] = useState<AdminForm>({ username: 'admin', displayName: '', password: '', confirm: '' });
  const [recoveryKey, setRecoveryKey] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const create = useCall('setup.create');

  const { byField, general } = splitErrors(create.error, SETUP_FIELDS);

  const submit = async () => {
    const result = await create.run({
      schoolCode: school.schoolCode.trim(),
      schoolName: school.schoolName.trim(),
      departmentName: school.departmentName.trim(),
      admin: { username: admin.username.trim(), displayName: admin.displayName.trim(), password: admin.password },
    });
    if (result.ok) {
      setRecoveryKey(result.value.recoveryKey);
      setStep(2);
    } else if (result.error.field && SCHOOL_FIELDS.includes(result.error.field)) {
      setStep(0);
    }
  };

  return (
    <CenteredLayout maxWidth={760}>
      <Paper variant="outlined" sx={{ p: { xs: 3, sm: 4 } }}>
        <BrandMark subtitle="首次使用设置" />
        <Stepper activeStep={step} alternativeLabel sx={{ my: 4 }}>
          {STEPS.map((label) => (
            <Step key={label}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
          {STEP_TITLES[step]}
        </Typography>
        {step === 0 && (
          <SchoolStep
            value={school}
            onChange={setSchool}
            errors={{ schoolCode: byField.schoolCode, schoolName: byField.schoolName, departmentName: byField.departmentName }}
            onNext={() => setStep(1)}
          />
        )}
        {step === 1 && (
          <AdminStep
            value={admin}
            onChange={setAdmin}
            errors={{ username: byField.username, displayName: byField.displayName, password: byField.password }}
            general={general}
            loading={create.loading}
            onBack={() => setStep(0)}
            onSubmit={() => void submit()}
          />
        )}
        {step === 2 && (
          <RecoveryKeyStep
            recoveryKey={recoveryKey}
            schoolName={school.schoolName.trim()}
            departmentName={school.departmentName.trim()}
            confirmed={confirmed}
            onConfirmedChange={setConfirmed}
            onNext={() => setStep(3)}
          />
        )}
        {step === 3 && <DemoStep onFinished={onFinished} />}
      </Paper>
    </CenteredLayout>
  );
}
