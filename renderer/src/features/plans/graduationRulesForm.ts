import type { GraduationRule } from '../../../../shared/domain/graduation/rules';

/**
 * The 毕业要求 editor's form: the common shape of a plan's rules (total credits, module minimums with
 * an optional 计入上限, required courses, fitness minimum, one optional certificate rule) to and
 * from the rule tree. 作弊无效成绩 and 最长学习年限 are always checked; a tree with groups (saved some
 * other way) is shown read-only by the section, not flattened here.
 */
export interface RulesForm {
  total: string;
  modules: { module: string; min: string; cap: string }[];
  required: string[];
  fitnessOn: boolean;
  fitnessMin: string;
  certLabel: string;
  certAnyOf: string;
}

export const hasGroups = (rules: readonly GraduationRule[]) => rules.some((r) => r.kind === 'group');

export function formOf(rules: readonly GraduationRule[]): RulesForm {
  const f: RulesForm = { total: '', modules: [], required: [], fitnessOn: false, fitnessMin: '50', certLabel: '', certAnyOf: '' };
  const caps = new Map<string, string>();
  for (const r of rules) {
    if (r.kind === 'totalCredits') {
      f.total = String(r.min);
      for (const c of r.caps ?? []) caps.set(c.module, String(c.max));
    } else if (r.kind === 'moduleCredits') f.modules.push({ module: r.module, min: String(r.min), cap: '' });
    else if (r.kind === 'requiredCourses') f.required.push(...r.courses.map((c) => c.code));
    else if (r.kind === 'fitness') (f.fitnessOn = true), (f.fitnessMin = String(r.min));
    else if (r.kind === 'certificate') (f.certLabel = r.label), (f.certAnyOf = r.anyOf.join('、'));
  }
  for (const m of f.modules) m.cap = caps.get(m.module) ?? '';
  for (const [module, cap] of caps) if (!f.modules.some((m) => m.module === module)) f.modules.push({ module, min: '', cap });
  return f;
}

export function rulesOf(f: RulesForm, courses: readonly { code: string; name: string }[]): GraduationRule[] {
  const rules: GraduationRule[] = [];
  const caps = f.modules.filter((m) => m.module.trim() && m.cap.trim()).map((m) => ({ module: m.module.trim(), max: m.cap.trim() }));
  if (f.total.trim()) rules.push({ kind: 'totalCredits', min: f.total.trim(), ...(caps.length ? { caps } : {}) });
  for (const m of f.modules) if (m.module.trim() && m.min.trim()) rules.push({ kind: 'moduleCredits', module: m.module.trim(), min: m.min.trim() });
  const req = courses.filter((c) => f.required.includes(c.code));
  if (req.length) rules.push({ kind: 'requiredCourses', courses: req.map((c) => ({ code: c.code, name: c.name })) });
  rules.push({ kind: 'noVoidGrade' });
  if (f.fitnessOn) rules.push({ kind: 'fitness', min: Number(f.fitnessMin) });
  const anyOf = f.certAnyOf.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
  if (f.certLabel.trim() || anyOf.length) rules.push({ kind: 'certificate', label: f.certLabel.trim(), anyOf });
  rules.push({ kind: 'withinMaxYears' });
  return rules;
}
