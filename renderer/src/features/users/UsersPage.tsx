import EditOutlined from '@mui/icons-material/EditOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/domain/permissions';
import type { UserRow } from '../../../../shared/ipc/schemas/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCallData } from '../../ipc/useCall';
import { CreateUserDialog } from './CreateUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { RotateKeyDialog } from './RotateKeyDialog';
import { ScopeDialog } from './ScopeDialog';
import { USER_STATUS_LABELS, userStatus } from './userStatus';
import { UserStatusChip } from './UserStatusChip';

export function UsersPage() {
  const { data, loading, error, reload, setData } = useCallData('users.list', {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [scoping, setScoping] = useState<UserRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** 更换数据密钥: on demand (no user), or offered right after a user is disabled. */
  const [rotating, setRotating] = useState<{ disabledUser: UserRow | null } | null>(null);

  const replace = (row: UserRow) => setData((rows) => (rows ? rows.map((r) => (r.id === row.id ? row : r)) : rows));

  const columns = useMemo<GridColDef<UserRow>[]>(
    () => [
      { field: 'username', headerName: '用户名', flex: 1, minWidth: 100 },
      { field: 'displayName', headerName: '姓名', flex: 1, minWidth: 90 },
      { field: 'role', headerName: '角色', width: 130, valueFormatter: (value: UserRow['role']) => ROLE_LABELS[value] },
      {
        field: 'status',
        headerName: '状态',
        width: 110,
        valueGetter: (_value: never, row: UserRow) => USER_STATUS_LABELS[userStatus(row)],
        renderCell: ({ row }) => <UserStatusChip status={userStatus(row)} />,
      },
      {
        field: 'passwordChangedAt',
        headerName: '密码修改时间',
        width: 140,
        valueFormatter: (value: string) => formatDateTime(value),
      },
      {
        field: 'lastSignInAt',
        headerName: '上次登录',
        width: 140,
        valueFormatter: (value: string | null) => (value ? formatDateTime(value) : '从未登录'),
      },
      {
        field: 'actions',
        headerName: '操作',
        width: 290,
        sortable: false,
        filterable: false,
        disableColumnMenu: true,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'center', height: '100%' }}>
            <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing(row)}>
              编辑
            </Button>
            <Button size="small" startIcon={<LockResetOutlined />} onClick={() => setResetting(row)}>
              重置密码
            </Button>
            <Button size="small" startIcon={<TuneOutlined />} onClick={() => setScoping(row)}>
              数据范围
            </Button>
          </Box>
        ),
      },
    ],
    [],
  );

  return (
    <Box>
      <PageHeader
        title="用户管理"
        description="为院系工作人员创建账户、分配角色；停用离职人员的账户。"
        actions={
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="outlined" color="warning" startIcon={<KeyOutlined />} onClick={() => setRotating({ disabledUser: null })}>
              更换数据密钥
            </Button>
            <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          </Box>
        }
      />
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
          <Button size="small" onClick={reload} sx={{ mt: 1 }}>
            重新加载
          </Button>
        </Box>
      )}
      <Paper variant="outlined">
        <DataGrid
          rows={data ?? []}
          columns={columns}
          loading={loading}
          autoHeight
          disableRowSelectionOnClick
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          sx={{ border: 0, '& .MuiDataGrid-cell:focus-within': { outline: 'none' } }}
        />
      </Paper>
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setData((rows) => [...(rows ?? []), user]);
          setNotice(`已创建用户 ${user.displayName}`);
        }}
      />
      <EditUserDialog
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(user, message, disabledNow) => {
          replace(user);
          setNotice(message);
          if (disabledNow) setRotating({ disabledUser: user });
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setNotice(`已重置 ${user.displayName} 的密码`);
          reload();
        }}
      />
      <RotateKeyDialog
        open={rotating !== null}
        disabledUser={rotating?.disabledUser ?? null}
        onClose={() => setRotating(null)}
        onDone={(message) => {
          setNotice(message);
          reload();
        }}
      />
      <ScopeDialog user={scoping} onClose={() => setScoping(null)} onSaved={setNotice} />
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="success" variant="filled" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      </Snackbar>
    </Box>
  );
}
