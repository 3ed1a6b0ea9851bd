import { Navigate, Route, Routes } from 'react-router-dom';
import { OrderListPage } from './OrderListPage';
import { OrderPage } from './order/OrderPage';

/** /status-changes: the work orders, and one order with its approval chain. */
export function StatusChangesPage() {
  return (
    <Routes>
      <Route index element={<OrderListPage />} />
      <Route path=":id" element={<OrderPage />} />
      <Route path="*" element={<Navigate to="/status-changes" replace />} />
    </Routes>
  );
}
