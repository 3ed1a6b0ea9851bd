import type { Role } from '../permissions';
import { ROLE_LABELS } from '../permissions';

/**
 * Approval chains as data (ENVIRONMENT.md §9: a table-driven engine with one pure transition
 * function). Each kind of order — each 学籍异动 type, and 信息变更申请 — has its steps; the admin edits
 * them in settings. An order keeps a copy of the chain it was filed under, so editing a chain never
 * moves an order already on its way.
 */
export interface ApprovalStep {
  /** What the step is called on the form and in the timeline: 院系负责人审批, 教务处审核 … */
  label: string;
  /**
   * The role whose users decide this step in the app. null: nobody decides it in the app (an office
   * outside the department); the counselor records the paper decision. Any step may be recorded
   * from paper.
   */
  role: Role | null;
}

/** Who decides a step in the app, for the UI: 负责人, or 纸质审批. */
export function stepDeciderLabel(step: ApprovalStep): string {
  return step.role ? ROLE_LABELS[step.role] : '纸质审批（由学籍管理员登记）';
}

/** Problems with a chain the admin wrote, or null. */
export function chainProblem(steps: readonly ApprovalStep[]): string | null {
  if (steps.length === 0) return '审批流程至少要有一步';
  if (steps.length > 8) return '审批流程最多 8 步';
  const names = new Set<string>();
  for (const [i, s] of steps.entries()) {
    if (!s.label.trim()) return `第 ${i + 1} 步没有名称`;
    if (names.has(s.label.trim())) return `第 ${i + 1} 步“${s.label}”与前面的步骤重名`;
    names.add(s.label.trim());
  }
  return null;
}

export type StepDecider =
  | { kind: 'app'; username: string; role: Role }
  | { kind: 'paper'; recordedBy: string };

/**
 * May this person decide (or record) the current step? Pure; the handler supplies who filed the
 * order. The filer never approves their own order in the app. A paper decision is someone else's
 * signature entered by the counselor, so the filer may record it — except for a step that has a
 * role in the app: there the filer recording "the manager signed on paper" would be the filer
 * approving their own order, so another counselor records it (or the step's role decides in the app).
 */
export function stepRefusal(step: ApprovalStep, decider: StepDecider, filedBy: string): string | null {
  const isFiler = (name: string) => name.toLowerCase() === filedBy.toLowerCase();
  if (decider.kind === 'paper') {
    if (step.role !== null && isFiler(decider.recordedBy)) {
      return `“${step.label}”由${ROLE_LABELS[step.role]}在系统中审批；若为纸质审批，须由提交人以外的人员登记。`;
    }
    return null;
  }
  if (isFiler(decider.username)) return '不能审批自己提交的申请，请由其他人员审批。';
  if (step.role === null) return `“${step.label}”这一步不在本系统中审批，请按纸质审批意见登记。`;
  if (decider.role !== step.role) return `“${step.label}”这一步由${ROLE_LABELS[step.role]}审批。`;
  return null;
}
