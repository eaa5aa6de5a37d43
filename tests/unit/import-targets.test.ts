/**
 * Targets whose month the site cannot read ("31/10/24", "Q3 2024", "Summer 2025", "Ongoing"): the
 * importer keeps them as written and flags them; an editor records the month they mean as
 * `targetMonth`, so "Target date passed" works for them; validation warns about any left unread.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/load.ts';
import { targetWarnings, unreadableTarget } from '../../src/content/target-warnings.ts';
import { FIXTURE_PLAN, FIXTURE_THEMES as THEMES } from '../support/fixture-plan.ts';

const ESTABLISHMENT = 'id: chelmsford\nname: HMP Chelmsford\n';
const PLAN_FILE = 'plans/chelmsford/chelmsford-2024.md';

/** The shared fixture plan with its first action's target replaced (and a targetMonth line added, if given). */
function planWithTarget(target: string, targetMonth?: string): string {
  const line = '        target: July 2024\n';
  if (!FIXTURE_PLAN.includes(line)) throw new Error('the fixture plan no longer has "target: July 2024" on its first action');
  return FIXTURE_PLAN.replace(line, `        target: "${target}"\n${targetMonth ? `        targetMonth: "${targetMonth}"\n` : ''}`);
}

describe('which targets the site cannot read a month from', () => {
  it.each(['31/10/24', 'Q3 2024', 'Summer 2025', 'Ongoing', 'Q4 2024/25'])('"%s" is unreadable', (target) => {
    expect(unreadableTarget(target)).toBe(true);
  });
  it.each(['July 2024', 'August 2024 (For bid process)', 'End of Sept 2024', 'Completed', 'Complete'])('"%s" is read, or names no month to pass', (target) => {
    expect(unreadableTarget(target)).toBe(false);
  });
  it('is read once an editor gives the month it means, and a missing target is not a target to read', () => {
    expect(unreadableTarget('31/10/24', '2024-10')).toBe(false);
    expect(unreadableTarget(null)).toBe(false);
  });
});

describe('an unreadable target in a content file', () => {
  const files = (plan: string): [string, string][] => [
    ['themes.yaml', THEMES],
    ['establishments/chelmsford.yaml', ESTABLISHMENT],
    [PLAN_FILE, plan],
  ];

  it('is valid, with a warning on its own line that says how to give its month', () => {
    const plan = planWithTarget('31/10/24');
    expect(validateContent(files(plan)).ok).toBe(true);
    const line = plan.split('\n').indexOf('        target: "31/10/24"') + 1;
    expect(targetWarnings(files(plan))).toEqual([
      {
        file: `content/${PLAN_FILE}`,
        line,
        column: 17,
        path: 'concerns.1.actions.1.target',
        place: 'concern 1, action 1, target',
        message: expect.stringMatching(/cannot read a month from the target "31\/10\/24".*`targetMonth: YYYY-MM`/),
        warning: true,
      },
    ]);
  });

  it('has no warning once targetMonth is given, and "Target date passed" then works', () => {
    const plan = planWithTarget('31/10/24', '2024-10');
    expect(targetWarnings(files(plan))).toEqual([]);
    const before = validateContent(files(plan), 'content', { asAt: '2024-10-31' });
    const after = validateContent(files(plan), 'content', { asAt: '2024-11-01' });
    if (!before.ok || !after.ok) throw new Error('the plan should be valid');
    const action = (site: typeof before.site) => site.plans[0]!.concerns[0]!.actions[0]!;
    expect(action(before.site)).toMatchObject({ target: '31/10/24', targetMonth: '2024-10', targetPassed: false });
    expect(action(after.site)).toMatchObject({ target: '31/10/24', targetMonth: '2024-10', targetPassed: true });
  });

  it('without targetMonth is never "Target date passed": the site cannot tell', () => {
    const result = validateContent(files(planWithTarget('Q3 2024')), 'content', { asAt: '2026-01-01' });
    if (!result.ok) throw new Error('the plan should be valid');
    expect(result.site.plans[0]!.concerns[0]!.actions[0]).toMatchObject({ targetMonth: null, targetPassed: false });
  });
});
