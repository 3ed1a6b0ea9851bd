import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { Major, SchoolClass } from '../../../../shared/ipc/schemas/org';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTree } from '../students/common/useOrgTree';
import { ClassDialog } from './ClassDialog';
import { ClassesTable } from './ClassesTable';
import { TranscriptDialog } from '../transcripts/TranscriptDialog';
import { MajorDialog } from './MajorDialog';
import { MajorsTable } from './MajorsTable';

function Block({ title, count, action, children }: { title: string; count: number | null; action: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ mb: 3, overflow: 'hidden' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1.25, borderBottom: '1px solid', borderColor: 'divider', gap: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {count !== null && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            共 {count} 个
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {action}
      </Box>
      {children}
    </Paper>
  );
}

/** /org — 专业与班级. */
export function OrgPage() {
  const { can } = useSession();
  const { data, loading, error, reload } = useOrgTree();
  const [major, setMajor] = useState<Major | 'new' | null>(null);
  const [klass, setKlass] = useState<SchoolClass | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [transcriptsOf, setTranscriptsOf] = useState<{ classId: number; name: string } | null>(null);
  const canWrite = can('org.write');
  const saved = (message: string) => {
    setNotice(message);
    reload();
  };

  return (
    <Box>
      <PageHeader title="专业与班级" description="维护本院系开设的专业和各年级班级；学生档案、名册筛选和统计报表都以此为准。" />
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
        </Box>
      )}
      <Block
        title="专业"
        count={data ? data.majors.length : null}
        action={
          canWrite && (
            <Button variant="contained" size="small" startIcon={<AddOutlined />} onClick={() => setMajor('new')}>
              新建专业
            </Button>
          )
        }
      >
        <MajorsTable majors={data?.majors ?? []} loading={loading} onEdit={canWrite ? setMajor : undefined} />
      </Block>
      <Block
        title="班级"
        count={data ? data.classes.length : null}
        action={
          canWrite && (
            <Button variant="contained" size="small" startIcon={<AddOutlined />} onClick={() => setKlass('new')}>
              新建班级
            </Button>
          )
        }
      >
        <ClassesTable classes={data?.classes ?? []} loading={loading} onEdit={canWrite ? setKlass : undefined} onTranscripts={can('certificates.print') ? (c) => setTranscriptsOf({ classId: c.id, name: c.name }) : undefined} />
        {transcriptsOf && <TranscriptDialog target={transcriptsOf} onClose={() => setTranscriptsOf(null)} />}
      </Block>
      <MajorDialog target={major} onClose={() => setMajor(null)} onSaved={saved} />
      <ClassDialog target={klass} majors={data?.majors ?? []} onClose={() => setKlass(null)} onSaved={saved} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
