import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { fieldLabel, type StudentFieldKey } from '../../../../../shared/domain/student-fields';
import { studentNoText } from '../../../../../shared/domain/student-no';
import type { StudentProfile } from '../../../../../shared/ipc/schemas/students';
import { formatDateTime } from '../../../components/format';
import { ethnicityName, genderName, orDash, politicalName, statusName } from '../common/codeNames';

type Shown = { key: StudentFieldKey; value: string; wide?: boolean };

function Group({ title, items, locked }: { title: string; items: Shown[]; locked: ReadonlySet<string> }) {
  return (
    <Box component="section" aria-label={title} sx={{ mb: 3 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1.5, color: 'primary.main' }}>
        {title}
      </Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' }, columnGap: 3, rowGap: 1.5 }}>
        {items.map((it) => (
          <Box key={it.key} sx={{ gridColumn: it.wide ? { xs: 'auto', sm: 'span 2' } : undefined, minWidth: 0 }}>
            <Typography component="dt" variant="caption" sx={{ color: 'text.secondary', display: 'flex', alignItems: 'center', gap: 0.5 }}>
              {fieldLabel(it.key)}
              {locked.has(it.key) && (
                <Tooltip title="已注册，修改需申请变更">
                  <LockOutlined sx={{ fontSize: 12 }} />
                </Tooltip>
              )}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums', wordBreak: 'break-all' }}>
              {it.value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** 基本信息 tab: every field of the profile, by the catalogue's labels. */
export function InfoTab({ student: s }: { student: StudentProfile }) {
  const locked = new Set(s.lockedFields);
  return (
    <Box>
      <Group
        title="基本信息"
        locked={locked}
        items={[
          { key: 'studentNo', value: studentNoText(s.studentNo) },
          { key: 'examNo', value: orDash(s.examNo) },
          { key: 'name', value: s.name },
          { key: 'formerName', value: orDash(s.formerName) },
          { key: 'gender', value: genderName(s.gender) },
          { key: 'birthDate', value: s.birthDate },
          { key: 'idNumber', value: s.idNumber },
          { key: 'ethnicityCode', value: ethnicityName(s.ethnicityCode) },
          { key: 'politicalStatusCode', value: politicalName(s.politicalStatusCode) },
          { key: 'nativePlace', value: orDash(s.nativePlace) },
          { key: 'sourceRegion', value: orDash(s.sourceRegion) },
        ]}
      />
      <Group
        title="联系方式"
        locked={locked}
        items={[
          { key: 'phone', value: orDash(s.phone) },
          { key: 'email', value: orDash(s.email) },
          { key: 'householdAddress', value: orDash(s.householdAddress), wide: true },
          { key: 'homeAddress', value: orDash(s.homeAddress), wide: true },
        ]}
      />
      <Group
        title="学籍信息"
        locked={locked}
        items={[
          { key: 'cohortYear', value: s.cohortYear ? `${s.cohortYear} 级` : '—' },
          { key: 'majorName', value: orDash(s.majorName) },
          { key: 'className', value: s.className ?? '未分班' },
          { key: 'status', value: statusName(s.status) },
          { key: 'enrolmentDate', value: orDash(s.enrolmentDate) },
          { key: 'expectedGraduationDate', value: orDash(s.expectedGraduationDate) },
          { key: 'dormitory', value: orDash(s.dormitory) },
          { key: 'notes', value: orDash(s.notes), wide: true },
        ]}
      />
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        建档时间 {formatDateTime(s.createdAt)} · 最近修改 {formatDateTime(s.updatedAt)}
      </Typography>
    </Box>
  );
}
