import { parseArgs } from 'node:util';
import { ROLES, ROLE_LABELS, type Role } from '../../shared/domain/permissions';
import { resolveDataDir } from '../main/core/paths';
import { CliError } from './prompt';
import { CliSession, newPassword } from './session';
import { exportStudents } from './commands/export-students';
import { importPhotos } from './commands/import-photos';
import { importStudents } from './commands/import-students';
import { assignNumbersCommand } from './commands/assign-numbers';
import { orgCommand } from './commands/org';
import { keysCommand } from './commands/keys';
import { statusChangesCommand } from './commands/status-changes';
import { studentsShow } from './commands/students-show';
import { certificatePrintCommand, isCertificatePrintCommand } from './commands/certificate-print';
import { gradesCommand, importGrades } from './commands/grades';
import { warningsCommand } from './commands/warnings';
import { transcriptsCommand } from './commands/transcripts';
import { graduationCommand } from './commands/graduation';
import { coursesCommand } from './commands/courses';
import { fitnessCommand } from './commands/fitness';
import { certificatesAssignCommand } from './commands/certificates';
import { showProgress } from './progress';

const HELP = `学籍通命令行（与桌面程序使用相同的服务、权限与审计）

用法：npm run cli -- <命令> [选项]

  init     --data DIR --school-code CODE --school NAME --department NAME --admin USER [--name 姓名]
           初始化数据文件夹并创建管理员（密码取自 XUEJI_PASSWORD 或提示输入），打印恢复密钥
  demo     --data DIR --students N [--user USER]      加载演示数据
  verify   --data DIR [--user USER]                    检查数据库完整性与审计链，有问题时退出码为 1
  users list             --data DIR [--user USER]
  users add NAME --role ROLE --name 姓名 --data DIR [--user USER]   新用户密码取自 XUEJI_NEW_PASSWORD 或提示输入
  users reset-password NAME --data DIR [--user USER]              新密码取自 XUEJI_NEW_PASSWORD 或提示输入
  users passwd           --data DIR [--user USER]   修改登录用户自己的密码：当前密码取自 XUEJI_PASSWORD，新密码取自
           XUEJI_NEW_PASSWORD（或提示输入）；管理员新建或重置的密码须先这样修改，才能执行其他命令
  org add-major --name 计算机应用技术 --code 510201 --years 3 --level 专科 [--study-form 普通全日制]
  org add-class --name 计算机应用技术2301 --major 计算机应用技术 --cohort 2023 [--head-teacher 姓名]
  students assign-numbers [--cohort 2026] [--dry-run] [--json]
           按已保存的学号规则为没有学号的学生编排学号（不改动已有学号）
  students show 学号|身份证号 [--json]       学籍状态、班级、预计复学/毕业日期与进行中的学籍异动
  status-changes list [--status pending|done|returned|withdrawn] [--type 休学] [--json]
  status-changes file --student 学号|身份证号 --type 休学 --effective 2026-09-01 --reason 原因 [--until 2027-09-01]
           [--target-class 班级名称] [--subtype 应征入伍] [--other-school 学校] [--term 2026-2027-1] [--attach [材料名称=]FILE …] [--json]
           学期、截止日期（休学的预计复学日期）与复学班级默认取程序的建议
  status-changes decide ID --approve|--reject [--opinion 意见] [--paper "姓名,职务,日期"] [--decision-no 文号] [--json]
           --paper：登记纸质审批（审批人姓名、职务、日期）
  status-changes export --month 2026-09 [--format xlsx|pdf] --out FILE   学籍异动月报
           status-changes 与 students show 的输入被拒绝时退出码为 2，加 --json 时输出 {"error":{"code":"ILLEGAL_TRANSITION","message":…}}
  export students --out FILE.xlsx [--filter cohortYear=2024,status=enrolled,q=张] [--columns 学号,姓名,身份证号]
  import students FILE [--sheet NAME] [--mode add|update] [--match-by idNumber|studentNo] [--create-classes]
           [--dry-run] [--skip-invalid] [--assign-student-no] [--report OUT.xlsx] [--json]
           --assign-student-no：为没有学号的新生按学号规则编排学号（与导入同一事务）
           有无效行且未加 --skip-invalid 时不写入任何数据，退出码为 2
  import photos DIR|FILE.zip [--match idcard,examno,studentno] [--keep-original] [--json]
  grades gpa --student 学号|身份证号 [--json]   按学校的绩点计算方法计算平均学分绩点，列出每门课程计入的考试
  warnings run --term 2026-2027-1 [--json]   按现行学业预警规则运行本学期预警，列出预警等级、变化与原因
  graduation audit --cohort 2023 [--major 专业名称或代码] [--json]
           毕业资格审核：按培养方案的毕业要求审核一个年级，列出每名学生的结论（毕业、结业、延长学习年限）与未满足项
  transcripts print --student 学号|身份证号 | --class 班级名 [--lang zh|en] [--page A4|school] [--photo] --out FILE.pdf [--json]
           打印成绩单（班级为一个文件，每名学生另起一页）；--page school 用成绩单设置中的学校纸张，--photo 印上学籍照片
  certificates template show|export NAME [FILE] | certificates template import FILE [--json]
           查看、导出（.json 文件，供其他学校导入）或导入证书模板；底图不随模板导出
  certificates print --cohort 2023 [--major 专业名称|代码] [--template NAME] [--printer-profile NAME] [--start-sheet 空白证书编号]
           [--reprint-reason 原因] --out FILE.pdf [--json]
           套打该年级已编号的证书（按证书编号顺序，每张一页，原尺寸）；不加 --template 时用默认模板；每张记入空白证书登记
  grades import FILE [--sheet NAME] [--dry-run] [--skip-invalid] [--report OUT.xlsx] [--json]
           导入教务系统导出的成绩（一行一次考试；按学号或身份证号、课程代码）；有无效行且未加 --skip-invalid 时不写入任何数据，退出码为 2
  fitness import FILE [--sheet NAME] [--dry-run] [--skip-invalid] [--report OUT.xlsx] [--json]
           导入体质健康测试成绩（学号或身份证号、测试学年、总分）；同一学生同一学年已有成绩时替换（可在“导入记录”中撤销）
  courses import FILE [--plan 方案编号|专业/年级] [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--json]
           把教务处的课程表导入为培养方案的新版本（原版本保留）；不加 --plan 时按文件中的“专业”“年级”列
  certificates assign --cohort 2023 [--major 专业名称|代码] [--order idNumber|studentNo|namePinyin] [--dry-run] [--json]
           为毕业审核结论为毕业或结业、尚无编号的学生分配 18 位学历证书编号（默认按身份证号，连续编号，已有编号不变）
  keys rotate [--new-recovery-key] [--json]
           更换数据密钥：数据库与全部附件改用新密钥，已停用账户的密钥槽删除；旧的 keyslots.json 副本从此打不开数据

通用选项：--user 登录用户（默认 admin），密码取自 XUEJI_PASSWORD 或提示输入；--json 输出机器可读结果。
角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`;

const options = {
  data: { type: 'string' },
  user: { type: 'string', default: 'admin' },
  json: { type: 'boolean', default: false },
  'school-code': { type: 'string' },
  school: { type: 'string' },
  department: { type: 'string' },
  admin: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  students: { type: 'string' },
  out: { type: 'string' },
  filter: { type: 'string' },
  columns: { type: 'string' },
  sheet: { type: 'string' },
  mode: { type: 'string' },
  'match-by': { type: 'string' },
  'create-classes': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  report: { type: 'string' },
  match: { type: 'string' },
  'keep-original': { type: 'boolean', default: false },
  'assign-student-no': { type: 'boolean', default: false },
  code: { type: 'string' },
  years: { type: 'string' },
  level: { type: 'string' },
  'study-form': { type: 'string' },
  major: { type: 'string' },
  cohort: { type: 'string' },
  'head-teacher': { type: 'string' },
  'new-recovery-key': { type: 'boolean', default: false },
  template: { type: 'string' },
  'printer-profile': { type: 'string' },
  'start-sheet': { type: 'string' },
  'reprint-reason': { type: 'string' },
  status: { type: 'string' },
  type: { type: 'string' },
  student: { type: 'string' },
  effective: { type: 'string' },
  reason: { type: 'string' },
  until: { type: 'string' },
  'target-class': { type: 'string' },
  subtype: { type: 'string' },
  'other-school': { type: 'string' },
  term: { type: 'string' },
  attach: { type: 'string', multiple: true },
  approve: { type: 'boolean', default: false },
  reject: { type: 'boolean', default: false },
  opinion: { type: 'string' },
  paper: { type: 'string' },
  'decision-no': { type: 'string' },
  month: { type: 'string' },
  format: { type: 'string' },
  class: { type: 'string' },
  lang: { type: 'string' },
  page: { type: 'string' },
  photo: { type: 'boolean', default: false },
  plan: { type: 'string' },
  order: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function required(values: Values, key: keyof Values, label: string): string {
  const v = values[key];
  if (typeof v !== 'string' || !v.trim()) throw new CliError(`缺少参数 --${String(key)}（${label}）。`, 2);
  return v;
}

function out(values: Values, json: unknown, text: string) {
  console.log(values.json ? JSON.stringify(json, null, 2) : text);
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const dataDir = resolveDataDir(values.data ? ['--data', values.data] : []);
  const session = new CliSession(dataDir);
  try {
    // 证书套打's subcommands live in their own file; `certificates assign` is handled in the switch.
    if (command === 'certificates' && isCertificatePrintCommand(sub)) {
      await session.signIn(values.user);
      return await certificatePrintCommand(session, positionals.slice(1), {
        cohort: values.cohort, major: values.major, template: values.template, printerProfile: values['printer-profile'], startSheet: values['start-sheet'],
        reprintReason: values['reprint-reason'], out: values.out, json: values.json,
      });
    }
    switch (command) {
      case 'init': {
        const admin = required(values, 'admin', '管理员用户名');
        const password = await newPassword('XUEJI_PASSWORD', `管理员 ${admin} 的密码`);
        const { recoveryKey } = await session.call('setup.create', {
          schoolCode: required(values, 'school-code', '学校代码'),
          schoolName: required(values, 'school', '学校名称'),
          departmentName: required(values, 'department', '院系名称'),
          admin: { username: admin, displayName: values.name ?? admin, password },
        });
        out(values, { dataDir, recoveryKey }, `已初始化：${dataDir}\n\n恢复密钥（只显示这一次，请打印或抄写后妥善保管）：\n\n    ${recoveryKey}\n`);
        return 0;
      }
      case 'demo': {
        const n = Number(required(values, 'students', '学生人数'));
        await session.signIn(values.user);
        const started = Date.now();
        const counts = await session.call('setup.loadDemo', { students: n });
        out(values, { ...counts, ms: Date.now() - started }, `已加载演示数据：${counts.majors} 个专业、${counts.classes} 个班级、${counts.students} 名学生（${Date.now() - started} ms）`);
        return 0;
      }
      case 'verify': {
        await session.signIn(values.user);
        const v = await session.call('audit.verify', {});
        const lines = [
          v.integrity.length ? `数据库完整性检查发现问题：\n  ${v.integrity.join('\n  ')}` : '数据库完整性检查：正常',
          v.problems.length ? `审计链发现 ${v.problems.length} 处问题：\n  ${v.problems.map((p) => p.message).join('\n  ')}` : `审计链：完整（共 ${v.checked} 条）`,
        ];
        out(values, v, lines.join('\n'));
        return v.ok ? 0 : 1;
      }
      case 'users': {
        if (sub === 'passwd') {
          const current = await session.signIn(values.user, { toChangePassword: true });
          const password = await newPassword('XUEJI_NEW_PASSWORD', `用户 ${values.user} 的新密码`);
          await session.call('auth.changePassword', { oldPassword: current, newPassword: password });
          out(values, { ok: true }, `已修改用户 ${values.user} 的密码。`);
          return 0;
        }
        await session.signIn(values.user);
        if (sub === 'list') {
          const users = await session.call('users.list', {});
          out(values, users, users.map((u) => `${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}${u.disabled ? '\t已停用' : ''}`).join('\n'));
          return 0;
        }
        if (!arg) throw new CliError('请指定用户名，例如：users add zhanglaoshi --role counselor --name 张老师', 2);
        if (sub === 'add') {
          const role = required(values, 'role', '角色') as Role;
          if (!ROLES.includes(role)) throw new CliError(`角色“${role}”无效，可选：${ROLES.join(', ')}`, 2);
          const password = await newPassword('XUEJI_NEW_PASSWORD', `新用户 ${arg} 的初始密码`);
          const user = await session.call('users.create', { username: arg, displayName: values.name ?? arg, role, password });
          out(values, user, `已创建用户 ${user.username}（${ROLE_LABELS[user.role]}），首次登录时须修改密码。`);
          return 0;
        }
        if (sub === 'reset-password') {
          const target = (await session.call('users.list', {})).find((u) => u.username.toLowerCase() === arg.toLowerCase());
          if (!target) throw new CliError(`没有名为“${arg}”的用户。`, 1);
          const password = await newPassword('XUEJI_NEW_PASSWORD', `用户 ${arg} 的新密码`);
          await session.call('users.resetPassword', { id: target.id, newPassword: password });
          out(values, { ok: true }, `已重置用户 ${target.username} 的密码，其下次登录时须修改密码。`);
          return 0;
        }
        throw new CliError(`未知的 users 子命令“${sub ?? ''}”，可用：list、add、reset-password、passwd。`, 2);
      }
      case 'org': {
        await session.signIn(values.user);
        return await orgCommand(session, sub, {
          name: values.name, code: values.code, years: values.years, level: values.level, studyForm: values['study-form'],
          major: values.major, cohort: values.cohort, headTeacher: values['head-teacher'], json: values.json,
        });
      }
      case 'students': {
        if (sub === 'show') {
          await session.signIn(values.user);
          return await studentsShow(session, arg, { json: values.json });
        }
        if (sub !== 'assign-numbers') throw new CliError('用法：students assign-numbers [--cohort 2026] [--dry-run] [--json] 或 students show 学号|身份证号 [--json]', 2);
        await session.signIn(values.user);
        return await assignNumbersCommand(session, { cohort: values.cohort, dryRun: values['dry-run'], json: values.json });
      }
      case 'export': {
        if (sub !== 'students') throw new CliError('用法：export students --out FILE.xlsx', 2);
        await session.signIn(values.user);
        await exportStudents(session, { filter: values.filter, columns: values.columns, out: values.out, json: values.json });
        return 0;
      }
      case 'import': {
        if (!arg) throw new CliError('请指定要导入的文件或文件夹。', 2);
        await session.signIn(values.user);
        // Long reads and writes say how far they are, on stderr (stdout stays the result, or JSON).
        showProgress(session);
        if (sub === 'students') {
          return await importStudents(session, { file: arg, sheet: values.sheet, mode: values.mode, matchBy: values['match-by'], createClasses: values['create-classes'], dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], assignStudentNo: values['assign-student-no'], report: values.report, json: values.json });
        }
        if (sub === 'photos') return await importPhotos(session, { source: arg, match: values.match, keepOriginal: values['keep-original'], json: values.json });
        throw new CliError('用法：import students FILE … 或 import photos DIR|FILE.zip …', 2);
      }
      case 'status-changes': {
        await session.signIn(values.user);
        return await statusChangesCommand(session, sub, arg, {
          json: values.json, status: values.status, type: values.type, student: values.student, effective: values.effective, reason: values.reason,
          until: values.until, targetClass: values['target-class'], subtype: values.subtype, otherSchool: values['other-school'], term: values.term,
          attach: values.attach, approve: values.approve, reject: values.reject, opinion: values.opinion, paper: values.paper,
          decisionNo: values['decision-no'], month: values.month, format: values.format, out: values.out,
        });
      }
      case 'grades': {
        await session.signIn(values.user);
        if (sub === 'import') {
          showProgress(session);
          return await importGrades(session, arg, { sheet: values.sheet, dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], report: values.report, json: values.json });
        }
        return await gradesCommand(session, sub, { student: values.student, json: values.json });
      }
      case 'warnings': {
        await session.signIn(values.user);
        return await warningsCommand(session, sub, { term: values.term, json: values.json });
      }
      case 'graduation': {
        await session.signIn(values.user);
        return await graduationCommand(session, sub, { cohort: values.cohort, major: values.major, json: values.json });
      }
      case 'transcripts': {
        await session.signIn(values.user);
        return await transcriptsCommand(session, sub, { student: values.student, className: values.class, lang: values.lang, page: values.page, photo: values.photo, out: values.out, json: values.json });
      }
      case 'certificates': {
        await session.signIn(values.user);
        return await certificatesAssignCommand(session, sub, { cohort: values.cohort, major: values.major, order: values.order, dryRun: values['dry-run'], json: values.json });
      }
      case 'courses': {
        await session.signIn(values.user);
        showProgress(session);
        return await coursesCommand(session, sub, arg, { plan: values.plan, sheet: values.sheet, dryRun: values['dry-run'], report: values.report, json: values.json });
      }
      case 'fitness': {
        await session.signIn(values.user);
        showProgress(session);
        return await fitnessCommand(session, sub, arg, { sheet: values.sheet, dryRun: values['dry-run'], skipInvalid: values['skip-invalid'], report: values.report, json: values.json });
      }
      case 'keys': {
        await session.signIn(values.user);
        return await keysCommand(session, sub, { newRecoveryKey: values['new-recovery-key'], json: values.json });
      }
      default:
        throw new CliError(`未知命令“${command}”。运行 npm run cli -- --help 查看用法。`, 2);
    }
  } finally {
    await session.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const message = e instanceof CliError ? e.message : e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS') ? e.message : null;
    if (message) {
      console.error(`错误：${message}`);
      process.exit(e instanceof CliError ? e.exitCode : 2);
    }
    console.error('错误：程序内部错误', e);
    process.exit(1);
  },
);
