/**
 * The imports the pipeline knows, each with its field catalogue. The pipeline itself — reading the
 * file, finding the header, mapping with memory, the wizard's column step — works from the spec's
 * catalogue; the spec's own stages (row rules, database checks, writer, undo) live with its feature
 * (the roster's in electron/main/features/imports). Grade sheets and the national platform's
 * roster join here.
 */
import { ROSTER_CATALOGUE, type ImportCatalogue } from './catalogue';

export const IMPORT_SPECS = {
  roster: { label: '学生名单', catalogue: ROSTER_CATALOGUE as ImportCatalogue },
} as const satisfies Record<string, { label: string; catalogue: ImportCatalogue }>;

export type ImportSpecId = keyof typeof IMPORT_SPECS;
export const IMPORT_SPEC_IDS = Object.keys(IMPORT_SPECS) as [ImportSpecId, ...ImportSpecId[]];
