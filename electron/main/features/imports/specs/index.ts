/**
 * The import specs the pipeline runs, by the id an import carries (shared/domain/import/specs.ts
 * lists them with their catalogues and permissions for the contract and the wizard). Adding one:
 * its folder here (specs/<id>/), its entry in IMPORT_SPECS, and its job kinds.
 */
import type { ImportSpecId } from '../../../../../shared/domain/import';
import type { AnyImportSpec } from '../spec';
import { coursesSpec } from './courses';
import { fitnessSpec } from './fitness';
import { gradesSpec } from './grades';
import { rosterSpec } from './roster';

const SPECS: { [K in ImportSpecId]: AnyImportSpec } = {
  roster: rosterSpec as unknown as AnyImportSpec,
  grades: gradesSpec as unknown as AnyImportSpec,
  courses: coursesSpec as unknown as AnyImportSpec,
  fitness: fitnessSpec as unknown as AnyImportSpec,
};

/** What imports.open assumes when the call names no spec (the contract's default, the command line). */
export const DEFAULT_SPEC: ImportSpecId = 'roster';

export function importSpec(id: ImportSpecId): AnyImportSpec {
  return SPECS[id];
}
