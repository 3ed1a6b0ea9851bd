import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useSession } from '../../app/SessionContext';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { CertificateList } from './CertificateList';
import { FormLedger } from './FormLedger';

/**
 * 证书管理 (issue 16): 学历证书 numbers for a grade's 毕业/结业 students, 作废, 结业换发毕业, 证明书 and
 * 暂缓发证 on the 证书编号 tab; the ledger of blank pre-printed forms on 空白证书登记.
 */
export function CertificatesPage() {
  const { can } = useSession();
  const [tab, setTab] = useState<'numbers' | 'forms'>('numbers');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Box>
      <PageHeader title="证书管理" description="按毕业审核结论为毕业、结业的学生分配 18 位学历证书编号（连续、一经分配不再改变），办理作废、结业换发毕业证书、证明书与暂缓发证，并登记空白证书纸。" />
      {can('certificates.print') && (
        <Tabs value={tab} onChange={(_e, v: 'numbers' | 'forms') => setTab(v)} sx={{ mb: 2 }}>
          <Tab value="numbers" label="证书编号" />
          <Tab value="forms" label="空白证书登记" />
        </Tabs>
      )}
      {tab === 'numbers' ? <CertificateList onNotice={setNotice} /> : <FormLedger onNotice={setNotice} />}
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
