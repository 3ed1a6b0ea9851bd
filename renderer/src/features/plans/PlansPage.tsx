import { Navigate, Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';
import { PlanEditorPage } from './PlanEditorPage';
import { PlanListPage } from './PlanListPage';
import { PlanViewPage } from './PlanViewPage';

/** /plans: the list, one version, a new plan, and a new version edited on a copy. */
export function PlansPage() {
  return (
    <Routes>
      <Route index element={<PlanListPage />} />
      <Route
        path="new"
        element={
          <RequirePermission permission="plans.write">
            <PlanEditorPage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<PlanViewPage />} />
      <Route
        path=":id/edit"
        element={
          <RequirePermission permission="plans.write">
            <PlanEditorPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<Navigate to="/plans" replace />} />
    </Routes>
  );
}
