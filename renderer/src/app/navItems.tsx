import BarChartOutlined from '@mui/icons-material/BarChartOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import GradingOutlined from '@mui/icons-material/GradingOutlined';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import SyncAltOutlined from '@mui/icons-material/SyncAltOutlined';
import SwapHorizOutlined from '@mui/icons-material/SwapHorizOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import WorkspacePremiumOutlined from '@mui/icons-material/WorkspacePremiumOutlined';
import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/domain/permissions';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Hidden, and its route shows 无权访问, when the session lacks it (a list: lacks all of them). */
  permission?: Permission | readonly Permission[];
}

export interface NavSection {
  title: string | null;
  items: NavItem[];
}

/** Whoever may run one of the imports sees 数据导入. */
export const IMPORT_PERMISSIONS: readonly Permission[] = ['students.write', 'grades.write', 'plans.write'];

export const NAV_SECTIONS: NavSection[] = [
  { title: null, items: [{ path: '/', label: '首页', icon: <HomeOutlined /> }] },
  {
    title: '学籍业务',
    items: [
      { path: '/students', label: '学生名册', icon: <PeopleAltOutlined />, permission: 'students.read' },
      { path: '/org', label: '专业与班级', icon: <AccountTreeOutlined />, permission: 'org.read' },
      { path: '/status-changes', label: '学籍异动', icon: <SyncAltOutlined />, permission: 'students.read' },
      { path: '/key-changes', label: '信息变更审批', icon: <SwapHorizOutlined />, permission: 'students.read' },
      { path: '/plans', label: '培养方案', icon: <MenuBookOutlined />, permission: 'org.read' },
      // Read only without grades.write (the page says 成绩查看 then).
      { path: '/grades', label: '成绩管理', icon: <GradingOutlined />, permission: 'grades.read' },
      { path: '/warnings', label: '学业预警', icon: <WarningAmberOutlined />, permission: 'grades.read' },
      { path: '/graduation', label: '毕业审核', icon: <SchoolOutlined />, permission: 'grades.read' },
      // The clerk numbers certificates; the manager sees the list to decide 暂缓发证.
      { path: '/certificates', label: '证书管理', icon: <WorkspacePremiumOutlined />, permission: ['certificates.print', 'certificates.hold'] },
      // 套打: templates, printer calibration and the batch print.
      { path: '/certificate-print', label: '证书套打', icon: <PrintOutlined />, permission: 'certificates.print' },
      // Rosters and photos, grades, plan courses: each tab for those who may.
      { path: '/import', label: '数据导入', icon: <UploadFileOutlined />, permission: IMPORT_PERMISSIONS },
    ],
  },
  {
    title: '统计与审计',
    items: [
      // 统计报表 (/reports) likewise.
      { path: '/audit', label: '审计日志', icon: <FactCheckOutlined />, permission: 'audit.read' },
    ],
  },
  {
    title: '系统管理',
    items: [
      { path: '/users', label: '用户管理', icon: <ManageAccountsOutlined />, permission: 'users.manage' },
      { path: '/settings', label: '系统设置', icon: <SettingsOutlined />, permission: 'settings.manage' },
    ],
  },
];
