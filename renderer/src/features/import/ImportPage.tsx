import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router-dom';
import type { Permission } from '../../../../shared/domain/permissions';
import { useSession } from '../../app/SessionContext';
import { PageHeader } from '../../components/PageHeader';
import { BatchesPanel } from './batches/BatchesPanel';
import { PhotoImportPanel } from './photos/PhotoImportPanel';
import { ImportWizard } from './roster/ImportWizard';

/** Each tab for those who may use it (the main process checks again). */
const TABS: readonly { key: TabKey; label: string; permission: Permission | null }[] = [
  { key: 'roster', label: '导入学生名单', permission: 'students.write' },
  { key: 'grades', label: '导入成绩', permission: 'grades.write' },
  { key: 'courses', label: '导入培养方案课程', permission: 'plans.write' },
  { key: 'fitness', label: '导入体质健康测试', permission: 'grades.write' },
  { key: 'photos', label: '导入照片', permission: 'students.write' },
  { key: 'batches', label: '导入记录', permission: null },
];
type TabKey = 'roster' | 'grades' | 'courses' | 'fitness' | 'photos' | 'batches';

/** /import — 数据导入. All tabs stay mounted, so a half-done import survives a look at the others. */
export function ImportPage() {
  const { can } = useSession();
  const tabs = TABS.filter((t) => !t.permission || can(t.permission));
  const [params, setParams] = useSearchParams();
  const tab: TabKey = tabs.find((t) => t.key === params.get('tab'))?.key ?? tabs[0]!.key;
  const show = (key: TabKey) => setParams(key === tabs[0]!.key ? {} : { tab: key }, { replace: true });

  return (
    <Box>
      <PageHeader title="数据导入" description="从 Excel / CSV 文件批量导入学生名单、成绩、培养方案课程和体质健康测试成绩，逐行检查后再写入；批量导入学生照片；查看和撤销以往的导入。" />
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Tabs value={tab} onChange={(_, v: TabKey) => show(v)} aria-label="导入内容" sx={{ px: 1 }}>
          {tabs.map((t) => (
            <Tab key={t.key} value={t.key} label={t.label} id={`import-tab-${t.key}`} aria-controls={`import-panel-${t.key}`} />
          ))}
        </Tabs>
      </Paper>
      {tabs.map((t) => (
        <Box key={t.key} role="tabpanel" id={`import-panel-${t.key}`} aria-labelledby={`import-tab-${t.key}`} hidden={tab !== t.key}>
          {(t.key === 'roster' || t.key === 'grades' || t.key === 'courses' || t.key === 'fitness') && (
            <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
              <ImportWizard spec={t.key} onShowBatches={() => show('batches')} />
            </Paper>
          )}
          {t.key === 'photos' && <PhotoImportPanel />}
          {t.key === 'batches' && <BatchesPanel active={tab === 'batches'} />}
        </Box>
      ))}
    </Box>
  );
}
