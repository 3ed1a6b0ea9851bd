/**
 * The import specs the pipeline runs, by the id an import carries (shared/domain/import/specs.ts
 * lists them with their catalogues for the contract and the wizard). Adding one: its folder here
 * (specs/<id>/), its entry in IMPORT_SPECS, and its job kinds.
 */
import type { ImportSpecId } from '../../../../../shared/domain/import';
import type { AnyImportSpec } from '../spec';
import { rosterSpec } from './roster';

const SPECS: { [K in ImportSpecId]: AnyImportSpec } = {
  roster: rosterSpec as unknown as AnyImportSpec,
};

/** What imports.open assumes when the call names no spec (the contract's default, the command line). */
export const DEFAULT_SPEC: ImportSpecId = 'roster';

export function importSpec(id: ImportSpecId): AnyImportSpec {
  return SPECS[id];
}

/**
 * The spec whose batches live in import_batches: the roster's. The batch table does not record a
 * spec yet; the second spec that writes batches adds that column and this looks it up.
 */
export function batchSpec(): AnyImportSpec {
  return SPECS.roster;
}
