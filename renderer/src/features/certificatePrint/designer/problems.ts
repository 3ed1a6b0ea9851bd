import type { CertificateTemplate } from '../../../../../shared/domain/certificates/template';
import type { AppErrorData } from '../../../../../shared/ipc/result';

/** A problem with a template, placed: on a box of the page (field id or 'photo') and its property. */
export interface PlacedProblems {
  /** Field id or 'photo' → the first message about it (its box turns red, the message as its tooltip). */
  byBox: Map<string, string>;
  /** 'fieldId.property', 'photo.property', 'template.property' → message (beside that input). */
  byProperty: Map<string, string>;
  /** Every message, in order, for the list above the page. */
  all: string[];
}

/**
 * Puts problems where the clerk sees them: a path such as template.fields.3.xMm (the server's
 * refusal) or ['fields', 3, 'xMm'] (templateProblems) names the fourth field's X box.
 */
export function placeProblems(problems: readonly { path: string | (string | number)[] | undefined; message: string }[], t: CertificateTemplate): PlacedProblems {
  const out: PlacedProblems = { byBox: new Map(), byProperty: new Map(), all: [] };
  for (const { path, message } of problems) {
    if (!out.all.includes(message)) out.all.push(message);
    const p = (Array.isArray(path) ? path.join('.') : path ?? '').replace(/^template\./, '');
    const field = /^fields\.(\d+)(?:\.(\w+))?/.exec(p);
    if (field) {
      const f = t.fields[Number(field[1])];
      if (!f) continue;
      if (!out.byBox.has(f.id)) out.byBox.set(f.id, message);
      out.byProperty.set(`${f.id}.${field[2] ?? 'xMm'}`, message);
      continue;
    }
    const photo = /^photo(?:\.(\w+))?/.exec(p);
    if (photo) {
      if (!out.byBox.has('photo')) out.byBox.set('photo', message);
      out.byProperty.set(`photo.${photo[1] ?? 'xMm'}`, message);
      continue;
    }
    const top = /^(name|kind|page)/.exec(p);
    if (top) out.byProperty.set(`template.${top[1]}`, message);
  }
  return out;
}

/** A server refusal as path + message pairs (its issues, or the one message). */
export function errorProblems(error: AppErrorData | null): { path: string | undefined; message: string }[] {
  if (!error) return [];
  return error.issues?.length ? error.issues.map((i) => ({ path: i.field, message: i.message })) : [{ path: error.field, message: error.message }];
}
