import { Navigate, Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';
import { EditStudentPage } from './form/EditStudentPage';
import { NewStudentPage } from './form/NewStudentPage';
import { StudentProfilePage } from './profile/StudentProfilePage';
import { RosterPage } from './roster/RosterPage';

/** /students: the roster, a new student, a profile and its edit page. */
export function StudentsPage() {
  return (
    <Routes>
      <Route index element={<RosterPage />} />
      <Route
        path="new"
        element={
          <RequirePermission permission="students.write">
            <NewStudentPage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<StudentProfilePage />} />
      <Route
        path=":id/edit"
        element={
          <RequirePermission permission="students.write">
            <EditStudentPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<Navigate to="/students" replace />} />
    </Routes>
  );
}
