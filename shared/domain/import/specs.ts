/**
 * The imports the pipeline knows, each with its field catalogue: what the contract (imports.open's
 * `spec`) and the wizard see. The pipeline — reading the file, finding the header, mapping with
 * memory, the wizard's column step — works from the catalogue; each spec's own stages (row rules,
 * database checks, writer, undo, template) implement the interface in
 * electron/main/features/imports/spec.ts, in specs/<id>/ beside it. The national platform's roster
 * joins here and there.
 *
 * `permission` is what running the import needs (open to undo); `readPermission` what seeing its
 * batches needs. The main process checks both; the wizard offers an import only to those who may.
 */
import type { Permission } from '../permissions';
import { ROSTER_CATALOGUE, type ImportCatalogue } from './catalogue';
import { COURSES_CATALOGUE, FITNESS_CATALOGUE, GRADES_CATALOGUE } from './grade-catalogues';

export const IMPORT_SPECS = {
  roster: { label: '学生名单', catalogue: ROSTER_CATALOGUE as ImportCatalogue, permission: 'students.write', readPermission: 'students.read' },
  grades: { label: '成绩', catalogue: GRADES_CATALOGUE as ImportCatalogue, permission: 'grades.write', readPermission: 'grades.read' },
  courses: { label: '培养方案课程', catalogue: COURSES_CATALOGUE as ImportCatalogue, permission: 'plans.write', readPermission: 'org.read' },
  // A test score entered like a grade: 录入成绩 (the clerk and the admin, the same people who run
  // 毕业资格审核 today). Not graduation.audit: entering data is not running the audit.
  fitness: { label: '体质健康测试成绩', catalogue: FITNESS_CATALOGUE as ImportCatalogue, permission: 'grades.write', readPermission: 'grades.read' },
} as const satisfies Record<string, { label: string; catalogue: ImportCatalogue; permission: Permission; readPermission: Permission }>;

export type ImportSpecId = keyof typeof IMPORT_SPECS;
export const IMPORT_SPEC_IDS = Object.keys(IMPORT_SPECS) as [ImportSpecId, ...ImportSpecId[]];
