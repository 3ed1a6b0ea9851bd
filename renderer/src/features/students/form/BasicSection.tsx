import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import { ETHNICITY_OPTIONS, GENDER_OPTIONS, POLITICAL_OPTIONS } from '../common/codeNames';
import { CodeSelect } from '../common/CodeSelect';
import { FieldGrid, FormSection } from './FormSection';
import { fieldProps, type FieldBinding } from './useStudentFields';

interface Props {
  b: FieldBinding;
  /** Looks for students that may be the same person (姓名、出生日期、身份证号 left). */
  onIdentityBlur: () => void;
  /** Shown when the key fields are locked and the user may ask for a change. */
  onRequestChange?: (() => void) | undefined;
  duplicates: ReactNode;
}

/** 基本信息: who the student is. */
export function BasicSection({ b, onIdentityBlur, onRequestChange, duplicates }: Props) {
  const lockedGender = b.locked.has('gender');
  return (
    <FormSection title="基本信息">
      {b.locked.size > 0 && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            onRequestChange && (
              <Button color="inherit" size="small" startIcon={<EditNoteOutlined />} onClick={onRequestChange}>
                申请变更
              </Button>
            )
          }
        >
          该学生已注册学籍，姓名、性别、出生日期、身份证号已锁定，不能直接修改；如需更正请申请变更，经审批后生效。
        </Alert>
      )}
      <FieldGrid>
        <TextField {...fieldProps(b, 'studentNo', { helper: '可留空：入学后按学号规则编排' })} autoFocus={!b.values.studentNo} />
        <TextField {...fieldProps(b, 'examNo')} />
        <TextField {...fieldProps(b, 'name')} onBlur={onIdentityBlur} />
        <TextField {...fieldProps(b, 'formerName')} />
        {lockedGender ? (
          <TextField {...fieldProps(b, 'gender')} value={GENDER_OPTIONS.find((g) => g.code === b.values.gender)?.name ?? b.values.gender} />
        ) : (
          <CodeSelect
            label={fieldLabel('gender')}
            value={b.values.gender}
            onChange={(v) => b.set('gender', v)}
            options={GENDER_OPTIONS}
            error={b.errors.gender}
            helperText="必填"
          />
        )}
        <TextField {...fieldProps(b, 'birthDate', { date: true })} onBlur={onIdentityBlur} />
        <TextField {...fieldProps(b, 'idNumber', { helper: '18 位，末位可为 X' })} onBlur={onIdentityBlur} />
        <CodeSelect
          label={fieldLabel('ethnicityCode')}
          value={b.values.ethnicityCode}
          onChange={(v) => b.set('ethnicityCode', v)}
          options={ETHNICITY_OPTIONS}
          emptyLabel="未填写"
          error={b.errors.ethnicityCode}
          helperText=" "
        />
        <CodeSelect
          label={fieldLabel('politicalStatusCode')}
          value={b.values.politicalStatusCode}
          onChange={(v) => b.set('politicalStatusCode', v)}
          options={POLITICAL_OPTIONS}
          emptyLabel="未填写"
          error={b.errors.politicalStatusCode}
          helperText=" "
        />
        <TextField {...fieldProps(b, 'nativePlace', { helper: '如 河南省郑州市' })} />
        <TextField {...fieldProps(b, 'sourceRegion', { helper: '高考报名所在地' })} />
      </FieldGrid>
      {duplicates}
    </FormSection>
  );
}
