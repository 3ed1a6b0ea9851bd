import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { PhotoReport } from './photoOptions';
import { ReportSection } from './ReportSection';
import { ReportTable } from './ReportTable';

type StudentRow = PhotoReport['matched'][number];

const STUDENT_COLUMNS = [
  { label: '文件名', render: (r: StudentRow) => r.fileName },
  { label: '学号', render: (r: StudentRow) => r.studentNo, width: 180 },
  { label: '姓名', render: (r: StudentRow) => r.name, width: 140 },
];

/** The outcome of a photo import, file by file. */
export function PhotoReportView({ report }: { report: PhotoReport }) {
  const problems = report.unmatched.length + report.duplicates.length + report.unreadable.length;
  return (
    <Stack spacing={1.5} aria-label="照片导入结果">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mr: 1 }}>
          导入结果
        </Typography>
        <Chip label={`共 ${report.files} 个文件`} variant="outlined" />
        <Chip label={`已匹配 ${report.matched.length}`} color="success" variant="outlined" />
        {report.replaced.length > 0 && <Chip label={`已替换 ${report.replaced.length}`} color="info" variant="outlined" />}
        {report.changeRequests.length > 0 && <Chip label={`已提交变更申请 ${report.changeRequests.length}`} color="info" variant="outlined" />}
        <Chip label={`有问题 ${problems}`} color={problems > 0 ? 'warning' : 'default'} variant="outlined" />
      </Box>
      <Alert
        severity={report.studentsWithoutPhoto > 0 ? 'info' : 'success'}
        action={
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', whiteSpace: 'nowrap', pr: 1 }}>
            {report.studentsWithoutPhoto > 0 && (
              <Link component={RouterLink} to="/students?photoState=missing">
                查看无照片的学生
              </Link>
            )}
            <Link component={RouterLink} to="/import?tab=batches">
              查看导入记录
            </Link>
          </Box>
        }
      >
        {report.studentsWithoutPhoto > 0 ? `仍无照片的学生 ${report.studentsWithoutPhoto} 名。` : '所有学生都已有照片。'}
      </Alert>

      <ReportSection title="已匹配" count={report.matched.length} tone="success" hint="照片已保存到对应学生的档案" defaultOpen={report.matched.length <= 20}>
        <ReportTable label="已匹配" columns={STUDENT_COLUMNS} rows={report.matched} />
      </ReportSection>
      <ReportSection title="已替换" count={report.replaced.length} tone="info" hint="这些学生原有的照片已被新照片替换">
        <ReportTable label="已替换" columns={STUDENT_COLUMNS} rows={report.replaced} />
      </ReportSection>
      <ReportSection title="已提交变更申请" count={report.changeRequests.length} tone="info" hint="学生已注册，照片更换需审批后生效" defaultOpen>
        <ReportTable label="已提交变更申请" columns={STUDENT_COLUMNS} rows={report.changeRequests} />
      </ReportSection>
      <ReportSection title="未匹配的文件" count={report.unmatched.length} tone="warning" hint="文件名与任何学生的身份证号、考生号、学号都对不上" defaultOpen>
        <ReportTable label="未匹配的文件" columns={[{ label: '文件名', render: (f: string) => f }]} rows={report.unmatched} />
      </ReportSection>
      <ReportSection title="重复的照片" count={report.duplicates.length} tone="warning" defaultOpen>
        <ReportTable
          label="重复的照片"
          columns={[
            { label: '涉及的文件', render: (d: PhotoReport['duplicates'][number]) => d.fileNames.join('、'), width: '30%' },
            { label: '说明', render: (d: PhotoReport['duplicates'][number]) => d.message },
          ]}
          rows={report.duplicates}
        />
      </ReportSection>
      <ReportSection title="无法读取的文件" count={report.unreadable.length} tone="error" defaultOpen>
        <ReportTable
          label="无法读取的文件"
          columns={[
            { label: '文件', render: (u: PhotoReport['unreadable'][number]) => u.fileName, width: '35%' },
            { label: '原因', render: (u: PhotoReport['unreadable'][number]) => u.reason },
          ]}
          rows={report.unreadable}
        />
      </ReportSection>
    </Stack>
  );
}
