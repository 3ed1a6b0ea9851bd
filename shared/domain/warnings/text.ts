import type { WarningCourseSet, WarningTrigger } from './types';

/** The words the reasons and the admin's messages share, so a trigger reads the same everywhere. */

const courseWord = (set: WarningCourseSet) => (set === 'required' ? '必修课' : '课程');

/** 'term' → 本学期补考后不及格…; 'cumulative' → 补考后累计不及格… */
export function failedPhrase(t: Extract<WarningTrigger, { kind: 'failedCourses' | 'failedCredits' }>): string {
  return `${t.scope === 'term' ? '本学期补考后' : '补考后累计'}不及格${courseWord(t.courses)}`;
}

export function gpaPhrase(t: Extract<WarningTrigger, { kind: 'gpaBelow' }>): string {
  return `${t.scope === 'term' ? '本学期' : ''}平均学分绩点`;
}

/** The name of what a trigger measures, for the admin's messages: “补考后累计不及格必修课门数”. */
export function measureLabel(t: WarningTrigger): string {
  switch (t.kind) {
    case 'failedCourses':
      return `${failedPhrase(t)}门数`;
    case 'failedCredits':
      return `${failedPhrase(t)}学分`;
    case 'gpaBelow':
      return gpaPhrase(t);
    case 'absenceHours':
      return '本学期旷课学时';
    case 'sanction':
      return '未解除的处分';
  }
}

/**
 * Two triggers measure the same thing when kind, scope and course set agree: then a higher tier
 * must ask for more of it than a lower one.
 */
export function measureKey(t: WarningTrigger): string {
  switch (t.kind) {
    case 'failedCourses':
    case 'failedCredits':
      return `${t.kind}:${t.scope}:${t.courses}`;
    case 'gpaBelow':
      return `${t.kind}:${t.scope}`;
    default:
      return t.kind;
  }
}

/** A trigger as the settings page shows it: “补考后累计不及格必修课达 3 门”, “本学期旷课达 13 学时”. */
export function triggerText(t: WarningTrigger): string {
  switch (t.kind) {
    case 'failedCourses':
      return `${failedPhrase(t)}达 ${t.atLeast} 门`;
    case 'failedCredits':
      return `${failedPhrase(t)}达 ${t.atLeast} 学分`;
    case 'gpaBelow':
      return `${gpaPhrase(t)}低于 ${t.below}`;
    case 'absenceHours':
      return `本学期旷课达 ${t.atLeast} 学时`;
    case 'sanction':
      return `受${t.atLeast}及以上处分未解除`;
  }
}
