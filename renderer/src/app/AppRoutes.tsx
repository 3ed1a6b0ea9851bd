import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { HomePage } from '../features/home/HomePage';
import { IMPORT_PERMISSIONS } from './navItems';
import { RequirePermission } from './RequirePermission';

const StudentsPage = lazy(() => import('../features/students/StudentsPage').then((m) => ({ default: m.StudentsPage })));
const OrgPage = lazy(() => import('../features/org/OrgPage').then((m) => ({ default: m.OrgPage })));
const KeyChangesPage = lazy(() => import('../features/keyChanges/KeyChangesPage').then((m) => ({ default: m.KeyChangesPage })));
const StatusChangesPage = lazy(() =>
  import('../features/statusChanges/StatusChangesPage').then((m) => ({ default: m.StatusChangesPage })),
);
const PlansPage = lazy(() => import('../features/plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const GradesPage = lazy(() => import('../features/grades/GradesPage').then((m) => ({ default: m.GradesPage })));
const WarningsPage = lazy(() => import('../features/warnings/WarningsPage').then((m) => ({ default: m.WarningsPage })));
const GraduationPage = lazy(() => import('../features/graduation/GraduationPage').then((m) => ({ default: m.GraduationPage })));
const WarningFollowUpPage = lazy(() => import('../features/warnings/followup/FollowUpPage').then((m) => ({ default: m.FollowUpPage })));
const CertificatesPage = lazy(() =>
  import('../features/certificates/CertificatesPage').then((m) => ({ default: m.CertificatesPage })),
);
const CertificatePrintPage = lazy(() =>
  import('../features/certificatePrint/CertificatePrintPage').then((m) => ({ default: m.CertificatePrintPage })),
);
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route
        path="/students/*"
        element={
          <RequirePermission permission="students.read">
            <StudentsPage />
          </RequirePermission>
        }
      />
      <Route
        path="/org"
        element={
          <RequirePermission permission="org.read">
            <OrgPage />
          </RequirePermission>
        }
      />
      <Route
        path="/key-changes/*"
        element={
          <RequirePermission permission="students.read">
            <KeyChangesPage />
          </RequirePermission>
        }
      />
      <Route
        path="/status-changes/*"
        element={
          <RequirePermission permission="students.read">
            <StatusChangesPage />
          </RequirePermission>
        }
      />
      <Route
        path="/plans/*"
        element={
          <RequirePermission permission="org.read">
            <PlansPage />
          </RequirePermission>
        }
      />
      <Route
        path="/grades/*"
        element={
          <RequirePermission permission="grades.read">
            <GradesPage />
          </RequirePermission>
        }
      />
      <Route
        path="/warnings"
        element={
          <RequirePermission permission="grades.read">
            <WarningsPage />
          </RequirePermission>
        }
      />
      <Route
        path="/graduation"
        element={
          <RequirePermission permission="grades.read">
            <GraduationPage />
          </RequirePermission>
        }
      />
      <Route
        path="/warnings/:studentId/:term"
        element={
          <RequirePermission permission="warnings.manage">
            <WarningFollowUpPage />
          </RequirePermission>
        }
      />
      <Route
        path="/certificates/*"
        element={
          <RequirePermission permission={['certificates.print', 'certificates.hold']}>
            <CertificatesPage />
          </RequirePermission>
        }
      />
      <Route
        path="/certificate-print"
        element={
          <RequirePermission permission="certificates.print">
            <CertificatePrintPage />
          </RequirePermission>
        }
      />
      <Route
        path="/import/*"
        element={
          <RequirePermission permission={IMPORT_PERMISSIONS}>
            <ImportPage />
          </RequirePermission>
        }
      />
      <Route
        path="/reports/*"
        element={
          <RequirePermission permission="reports.read">
            <ReportsPage />
          </RequirePermission>
        }
      />
      <Route
        path="/audit"
        element={
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        }
      />
      <Route
        path="/users"
        element={
          <RequirePermission permission="users.manage">
            <UsersPage />
          </RequirePermission>
        }
      />
      <Route
        path="/settings"
        element={
          <RequirePermission permission="settings.manage">
            <SettingsPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
