/** Display text shared by the grades screens (no rule: how a stored value reads to a person). */

/** '2026-2027-1' → '2026-2027 学年第 1 学期'. */
export function termLabel(term: string): string {
  const m = /^(\d{4})-(\d{4})-([12])$/.exec(term);
  return m ? `${m[1]}-${m[2]} 学年第 ${m[3]} 学期` : term;
}

/** Credits as a plan prints them: '4 学分'. */
export const creditsLabel = (credits: string) => `${credits} 学分`;
