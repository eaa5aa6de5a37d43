/** Questions pages ask of the model, answered in one place so pages and tests agree. */
import type { Concern, Plan, Site, Theme } from './model.ts';

export interface ConcernRef {
  plan: Plan;
  concern: Concern;
}

/** Every concern tagged with a theme, grouped by establishment in A to Z order, newest plan first. */
export function concernsWithTheme(site: Site, theme: Pick<Theme, 'id'>): { establishment: Plan['establishment']; items: ConcernRef[] }[] {
  return site.establishments
    .map((establishment) => ({
      establishment,
      items: establishment.plans.flatMap((plan) =>
        plan.concerns.filter((c) => c.themes.some((t) => t.id === theme.id)).map((concern) => ({ plan, concern })),
      ),
    }))
    .filter((group) => group.items.length > 0);
}

/** How many concerns carry each theme, by theme id. */
export function themeCounts(site: Site): Map<string, number> {
  const counts = new Map(site.themes.map((t) => [t.id, 0]));
  for (const plan of site.plans) {
    for (const concern of plan.concerns) for (const t of concern.themes) counts.set(t.id, counts.get(t.id)! + 1);
  }
  return counts;
}
