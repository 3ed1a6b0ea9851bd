import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/SessionContext';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { useCallData } from '../../../ipc/useCall';
import { StudentGradesTab } from '../../grades/StudentGradesTab';
import { FileOrderDialog } from '../../statusChanges/filing/FileOrderDialog';
import { StudentOrdersTab } from '../../statusChanges/StudentOrdersTab';
import { RequestChangeDialog } from '../keychange/RequestChangeDialog';
import { AttachmentsTab } from './AttachmentsTab';
import { ClassHistoryTab } from './ClassHistoryTab';
import { GuardiansTab } from './GuardiansTab';
import { HistoryTab } from './HistoryTab';
import { InfoTab } from './InfoTab';
import { KeyChangesTab } from './KeyChangesTab';
import { ProfileHeader } from './ProfileHeader';
import { ProofMenuButton } from './ProofMenuButton';
import { TranscriptButton } from '../../transcripts/TranscriptButton';
import { RecordsTab } from './RecordsTab';
import { StatusHistoryTab } from './StatusHistoryTab';

const TABS = [
  { key: 'info', label: '基本信息' },
  { key: 'family', label: '家庭成员' },
  { key: 'classes', label: '学习经历' },
  { key: 'status', label: '学籍变动' },
  { key: 'statusChanges', label: '学籍异动' },
  { key: 'grades', label: '成绩' },
  { key: 'records', label: '奖惩记录' },
  { key: 'files', label: '材料附件' },
  { key: 'changes', label: '变更申请' },
  { key: 'history', label: '修改历史' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** /students/:id — 学生档案. */
export function StudentProfilePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  // 成绩 only for those who may read grades (grades.read).
  const tabs = TABS.filter((t) => t.key !== 'grades' || can('grades.read'));
  const tab: TabKey = tabs.find((t) => t.key === params.get('tab'))?.key ?? 'info';
  const { data: s, error, loading, setData, reload } = useCallData('students.get', { id }, String(id));
  const [requesting, setRequesting] = useState(false);
  const [filing, setFiling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped after anything that adds to the history or the requests without changing the profile.
  const [tick, setTick] = useState(0);

  // A notice handed over by the page that navigated here (已新建…, 已保存…).
  useEffect(() => {
    const state = location.state as { notice?: string } | null;
    if (state?.notice) {
      setNotice(state.notice);
      navigate(location.pathname + location.search, { replace: true, state: null });
    }
  }, [location, navigate]);

  if (error) {
    return (
      <Box>
        <ErrorAlert error={error} />
        <Button startIcon={<ArrowBackOutlined />} onClick={() => navigate('/students')} sx={{ mt: 2 }}>
          返回名册
        </Button>
      </Box>
    );
  }
  if (!s) return loading ? <LoadingBlock /> : null;

  const requestChange = s.registered && can('changes.request') ? () => setRequesting(true) : undefined;
  const fileStatusChange = can('changes.request') ? () => setFiling(true) : undefined;
  const done = (message: string) => {
    setNotice(message);
    setTick((t) => t + 1);
    reload();
  };

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1.5 }} aria-label="位置">
        <Link component={RouterLink} to="/students" underline="hover" color="inherit">
          学生名册
        </Link>
        <Typography color="text.primary">{s.name}</Typography>
      </Breadcrumbs>
      <ProfileHeader student={s} onEdit={can('students.write') ? () => navigate(`/students/${s.id}/edit`) : undefined} onRequestChange={requestChange} onFileStatusChange={fileStatusChange} onPhotoChanged={can('students.write') ? done : undefined} actions={<>{can('grades.read') && <TranscriptButton studentId={s.id} name={s.name} />}{can('students.write') && <ProofMenuButton student={s} onIssued={() => setTick((t) => t + 1)} />}</>} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_, v: TabKey) => setParams(v === 'info' ? {} : { tab: v }, { replace: true })}
          variant="scrollable"
          scrollButtons="auto"
          aria-label="档案内容"
          sx={{ px: 1, borderBottom: '1px solid', borderColor: 'divider' }}
        >
          {tabs.map((t) => (
            <Tab key={t.key} value={t.key} label={t.label} />
          ))}
        </Tabs>
        <Box role="tabpanel" aria-label={TABS.find((t) => t.key === tab)?.label} sx={{ p: 2.5 }}>
          {tab === 'info' && <InfoTab student={s} />}
          {tab === 'family' && <GuardiansTab student={s} />}
          {tab === 'classes' && <ClassHistoryTab student={s} />}
          {tab === 'status' && <StatusHistoryTab student={s} />}
          {tab === 'statusChanges' && <StudentOrdersTab studentId={s.id} studentName={s.name} refreshKey={`${s.version}:${tick}`} onFile={fileStatusChange} onNotice={setNotice} />}
          {tab === 'grades' && <StudentGradesTab studentId={s.id} refreshKey={`${s.version}:${tick}`} />}
          {tab === 'records' && (
            <RecordsTab
              student={s}
              canWrite={can('students.write')}
              onChanged={(profile, message) => {
                setData(profile);
                setNotice(message);
              }}
            />
          )}
          {tab === 'files' && <AttachmentsTab student={s} canUpload={can('students.write')} canDownload={can('students.identity.read')} onUploaded={done} />}
          {tab === 'changes' && <KeyChangesTab studentId={s.id} refreshKey={`${s.version}:${tick}`} registered={s.registered} onRequestChange={requestChange} onDecided={done} />}
          {tab === 'history' && <HistoryTab studentId={s.id} refreshKey={`${s.version}:${tick}`} />}
        </Box>
      </Paper>
      <FileOrderDialog
        open={filing}
        student={{ id: s.id, name: s.name, studentNo: s.studentNo, className: s.className, status: s.status }}
        onClose={() => setFiling(false)}
        onDone={(o) => {
          setFiling(false);
          setParams({ tab: 'statusChanges' }, { replace: true });
          done(`已提交第 ${o.id} 号学籍异动（${o.title}）`);
        }}
      />
      <RequestChangeDialog open={requesting} student={s} onClose={() => setRequesting(false)} onDone={done} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
