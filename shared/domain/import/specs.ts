/**
 * The imports the pipeline knows, each with its field catalogue: what the contract (imports.open's
 * `spec`) and the wizard see. The pipeline — reading the file, finding the header, mapping with
 * memory, the wizard's column step — works from the catalogue; each spec's own stages (row rules,
 * database checks, writer, undo, template) implement the interface in
 * electron/main/features/imports/spec.ts, in specs/<id>/ beside it. Grade sheets and the national
 * platform's roster join here and there.
 */
import { ROSTER_CATALOGUE, type ImportCatalogue } from './catalogue';

export const IMPORT_SPECS = {
  roster: { label: '学生名单', catalogue: ROSTER_CATALOGUE as ImportCatalogue },
} as const satisfies Record<string, { label: string; catalogue: ImportCatalogue }>;

export type ImportSpecId = keyof typeof IMPORT_SPECS;
export const IMPORT_SPEC_IDS = Object.keys(IMPORT_SPECS) as [ImportSpecId, ...ImportSpecId[]];
