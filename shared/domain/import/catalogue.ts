/**
 * What an import reads, as data: its fields with their Chinese labels and the header variants seen
 * in real files, which are required, and which may be filled from another column. The header
 * machinery (header.ts) and the wizard work from a catalogue, not from one import's field list, so
 * the grade sheets and the national platform's roster bring their own catalogue and reuse both.
 *
 * Pure: no I/O.
 */
import { STUDENT_FIELDS, type StudentFieldKey } from '../student-fields';

export interface CatalogueField<K extends string = string> {
  key: K;
  label: string;
  aliases: readonly string[];
  required?: boolean | undefined;
  /** Excel column width in characters (error workbook, template). */
  width: number;
}

export interface ImportCatalogue<K extends string = string> {
  /** What the rows are, for messages: 学生, 成绩… */
  subject: string;
  fields: readonly CatalogueField<K>[];
  /** Required fields that need no column of their own when `from` is mapped (出生日期/性别 from the ID number). */
  derived?: { fields: readonly K[]; from: K } | undefined;
  /**
   * Headers about someone other than the row's subject (父亲姓名, 紧急联系人电话): containment
   * matching would map them to the subject's own field, so it is not attempted.
   */
  otherPerson?: RegExp | undefined;
  /**
   * Headers that hold a part of a field's value (平时成绩, 期末成绩 beside 总评成绩): containment would
   * map them to the field itself, so it is not attempted either.
   */
  partOf?: RegExp | undefined;
  /**
   * Groups of fields of which one column is enough (a grade sheet names its students by 学号 or by
   * 身份证号): with none of a group mapped, the group's first field is reported missing.
   */
  anyOf?: readonly (readonly K[])[] | undefined;
  /** Named in the message when no header row is found: “学号”“姓名”“身份证号”. */
  headerExamples: readonly string[];
}

/** The roster import's catalogue: the one student field catalogue (student-fields.ts). */
export const ROSTER_CATALOGUE: ImportCatalogue<StudentFieldKey> = {
  subject: '学生',
  fields: STUDENT_FIELDS,
  derived: { fields: ['birthDate', 'gender'], from: 'idNumber' },
  otherPerson: /父|母|家长|监护|紧急|联系人|亲属|配偶|户主|班主任|辅导员|导师/,
  headerExamples: ['学号', '姓名', '身份证号'],
};

/** The field of a key, if the catalogue has it. */
export function catalogueField<K extends string>(cat: ImportCatalogue<K>, key: string): CatalogueField<K> | undefined {
  return cat.fields.find((f) => f.key === key);
}

/** The field's label, or the key itself when the catalogue does not know it. */
export function catalogueLabel(cat: ImportCatalogue, key: string): string {
  return catalogueField(cat, key)?.label ?? key;
}

/**
 * Required fields no column was mapped to (derived ones are not missing when their source is
 * mapped), then the first field of each anyOf group with none of its fields mapped.
 */
export function missingRequired<K extends string>(cat: ImportCatalogue<K>, mapped: Iterable<K>): K[] {
  const taken = new Set<K>(mapped);
  const derived = cat.derived;
  const missing = cat.fields
    .filter((f) => f.required && !taken.has(f.key))
    .map((f) => f.key)
    .filter((k) => !(derived && derived.fields.includes(k) && taken.has(derived.from)));
  for (const group of cat.anyOf ?? []) if (group.length && !group.some((k) => taken.has(k))) missing.push(group[0]!);
  return missing;
}
