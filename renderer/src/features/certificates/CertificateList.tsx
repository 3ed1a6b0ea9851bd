import MoreVertOutlined from '@mui/icons-material/MoreVertOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { CallOutput } from '../../../../shared/ipc/contract';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { AssignDialog } from './AssignDialog';
import { ReasonDialog, type ReasonAsk } from './ReasonDialog';

type Row = CallOutput<'certificates.list'>['rows'][number];
const STATUS = { issued: '有效', voided: '已作废', none: '未编号' } as const;

/** 证书编号 tab: a grade (and major) → each student's conclusion, number and state, with the row actions. */
export function CertificateList({ onNotice }: { onNotice: (message: string) => void }) {
  const { can } = useSession();
  const tree = useCallData('org.tree', {});
  const cohorts = useMemo(() => [...new Set((tree.data?.classes ?? []).map((c) => c.cohortYear))].sort((a, b) => b - a), [tree.data]);
  const [cohort, setCohort] = useState<number | null>(null);
  const year = cohort ?? cohorts.find((y) => y <= new Date().getFullYear() - 2) ?? cohorts[0] ?? null;
  const majors = useMemo(() => {
    const ids = new Set((tree.data?.classes ?? []).filter((c) => c.cohortYear === year).map((c) => c.majorId));
    return (tree.data?.majors ?? []).filter((m) => ids.has(m.id));
  }, [tree.data, year]);
  const [majorId, setMajorId] = useState<number | 0>(0);
  const [classId, setClassId] = useState<number | 0>(0);
  const classes = useMemo(() => (tree.data?.classes ?? []).filter((c) => c.cohortYear === year && (!majorId || c.majorId === majorId)), [tree.data, year, majorId]);
  const [kind, setKind] = useState<'all' | '毕业' | '结业'>('all');
  const [status, setStatus] = useState<'all' | 'issued' | 'voided' | 'none'>('all');
  const input = { cohortYear: year ?? 2000, ...(majorId ? { majorId } : {}), ...(classId ? { classId } : {}), ...(kind !== 'all' ? { kind } : {}), ...(status !== 'all' ? { status } : {}) };
  const list = useCallData('certificates.list', input, JSON.stringify(input), year !== null);
  const [assigning, setAssigning] = useState(false);
  const [ask, setAsk] = useState<ReasonAsk | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; row: Row } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const majorName = majors.find((m) => m.id === majorId)?.name ?? '';
  const done = (message: string) => {
    onNotice(message);
    list.reload();
  };
  const asking = (a: Omit<ReasonAsk, 'run'> & { run: (reason: string) => ReturnType<typeof call> }, message: string): ReasonAsk => ({
    ...a,
    run: async (reason) => {
      const r = await a.run(reason);
      if (!r.ok) return r.error;
      done(message);
      return null;
    },
  });
  const reissue = async (row: Row) => {
    setActionError(null);
    const r = await call('certificates.reissueAsGraduate', { id: row.certificateId! });
    if (!r.ok) return setActionError(r.error.message);
    done(`已为 ${row.name} 换发毕业证书（编号 ${row.certificateNo} 不变）`);
  };
  const actions = (row: Row) => {
    const items: { label: string; act: () => void }[] = [];
    const live = row.status === 'issued';
    if (can('certificates.print') && live) {
      if (row.canReissue) items.push({ label: '换发毕业证书', act: () => void reissue(row) });
      items.push({
        label: '作废',
        act: () => setAsk(asking({ title: `作废证书：${row.name}`, text: `证书编号 ${row.certificateNo} 作废后不再使用，也不会分配给其他人。`, label: '作废原因', confirmLabel: '作废', danger: true, run: (reason) => call('certificates.void', { id: row.certificateId!, reason }) }, `已作废证书 ${row.certificateNo}`)),
      });
      if (!row.proof)
        items.push({
          label: '出具证明书',
          act: () => setAsk(asking({ title: `出具证明书：${row.name}`, text: `证书遗失或损坏时出具，与原证书（编号 ${row.certificateNo}）具有同等效力；每份证书只出具一次。`, label: '原因（如：遗失，已登报声明）', confirmLabel: '出具证明书', run: (reason) => call('certificates.issueProof', { id: row.certificateId!, reason }) }, `已为 ${row.name} 出具证明书`)),
        });
    }
    if (can('certificates.hold')) {
      if (row.hold)
        items.push({ label: '解除暂缓发证', act: () => setAsk(asking({ title: `解除暂缓发证：${row.name}`, text: `暂缓原因：${row.hold!.reason}`, label: '解除原因', confirmLabel: '解除', run: (reason) => call('certificates.releaseHold', { studentId: row.studentId, reason }) }, `已解除 ${row.name} 的暂缓发证`)) });
      else if (row.status !== 'voided')
        items.push({ label: '暂缓发证', act: () => setAsk(asking({ title: `暂缓发证：${row.name}`, text: '暂缓期间不打印该生的证书。暂缓发证不影响毕业审核结论和证书编号。', label: '暂缓原因', confirmLabel: '暂缓发证', danger: true, run: (reason) => call('certificates.hold', { studentId: row.studentId, reason }) }, `已暂缓 ${row.name} 的证书发放`)) });
    }
    return items;
  };

  if (tree.error) return <ErrorAlert error={tree.error} />;
  if (!tree.data) return <LoadingBlock />;
  if (year === null) return <Typography sx={{ color: 'text.secondary' }}>还没有班级。</Typography>;
  const rows = list.data?.rows ?? [];
  const withoutNo = rows.filter((r) => r.status === null && (r.outcome === '毕业' || r.outcome === '结业')).length;
  return (
    <Box>
      <Paper variant="outlined" sx={{ p: 2, mb: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label="年级" value={year} onChange={(e) => (setCohort(Number(e.target.value)), setMajorId(0), setClassId(0))} sx={{ width: 120 }}>
          {cohorts.map((y) => (
            <MenuItem key={y} value={y}>
              {y} 级
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="专业" value={majorId} onChange={(e) => (setMajorId(Number(e.target.value)), setClassId(0))} sx={{ width: 200 }}>
          <MenuItem value={0}>全部专业</MenuItem>
          {majors.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="班级" value={classId} onChange={(e) => setClassId(Number(e.target.value))} sx={{ width: 180 }}>
          <MenuItem value={0}>全部班级</MenuItem>
          {classes.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="类别" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} sx={{ width: 120 }}>
          <MenuItem value="all">全部</MenuItem>
          <MenuItem value="毕业">毕业证书</MenuItem>
          <MenuItem value="结业">结业证书</MenuItem>
        </TextField>
        <TextField select size="small" label="状态" value={status} onChange={(e) => setStatus(e.target.value as typeof status)} sx={{ width: 120 }}>
          <MenuItem value="all">全部</MenuItem>
          {Object.entries(STATUS).map(([k, label]) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        {can('certificates.print') && (
          <Button variant="contained" onClick={() => setAssigning(true)}>
            分配编号{withoutNo ? `（${withoutNo} 人待分配）` : ''}
          </Button>
        )}
      </Paper>
      <ErrorAlert error={list.error ?? actionError} />
      {list.loading && !list.data && <LoadingBlock />}
      {list.data && (
        <Paper variant="outlined">
          <Table size="small" aria-label="证书名单">
            <TableHead>
              <TableRow>
                <TableCell>学号</TableCell>
                <TableCell>姓名</TableCell>
                <TableCell>班级</TableCell>
                <TableCell>结论</TableCell>
                <TableCell>证书编号</TableCell>
                <TableCell>类别</TableCell>
                <TableCell>状态</TableCell>
                <TableCell align="right">打印次数</TableCell>
                <TableCell sx={{ width: 56 }} />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={9} sx={{ color: 'text.secondary' }}>
                    没有符合条件的学生。
                  </TableCell>
                </TableRow>
              )}
              {rows.map((r) => {
                const items = actions(r);
                return (
                  <TableRow key={`${r.studentId}-${r.certificateId ?? 0}`} hover sx={r.status === 'voided' ? { '& td': { color: 'text.disabled' } } : undefined}>
                    <TableCell>{r.studentNo ?? '—'}</TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{r.className}</TableCell>
                    <TableCell>{r.outcome ?? <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>未审核</Typography>}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', textDecoration: r.status === 'voided' ? 'line-through' : undefined }}>{r.certificateNo ?? '—'}</TableCell>
                    <TableCell>{r.kind ? `${r.kind}证书` : '—'}</TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                        {r.status === 'voided' ? (
                          <Tooltip title={`作废原因：${r.voidReason ?? ''}`}>
                            <Chip size="small" label="已作废" />
                          </Tooltip>
                        ) : (
                          <span>{r.status ? STATUS.issued : STATUS.none}</span>
                        )}
                        {r.proof && (
                          <Tooltip title={`证明书原因：${r.proof.reason}`}>
                            <Chip size="small" color="info" variant="outlined" label="已出具证明书" />
                          </Tooltip>
                        )}
                        {r.hold && (
                          <Tooltip title={`暂缓原因：${r.hold.reason}`}>
                            <Chip size="small" color="warning" variant="outlined" label="暂缓发证" />
                          </Tooltip>
                        )}
                      </Box>
                    </TableCell>
                    <TableCell align="right">{r.certificateId ? r.printedCount : ''}</TableCell>
                    <TableCell>
                      {items.length > 0 && (
                        <IconButton size="small" aria-label={`${r.name} 的操作`} onClick={(e) => setMenu({ anchor: e.currentTarget, row: r })}>
                          <MoreVertOutlined fontSize="small" />
                        </IconButton>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        {menu &&
          actions(menu.row).map((a) => (
            <MenuItem
              key={a.label}
              onClick={() => {
                setMenu(null);
                a.act();
              }}
            >
              {a.label}
            </MenuItem>
          ))}
      </Menu>
      {assigning && (
        <AssignDialog
          cohortYear={year}
          majorId={majorId || null}
          majorName={majorName}
          onClose={() => setAssigning(false)}
          onDone={(m) => {
            setAssigning(false);
            done(m);
          }}
        />
      )}
      <ReasonDialog ask={ask} onClose={() => setAsk(null)} onDone={() => setAsk(null)} />
    </Box>
  );
}
