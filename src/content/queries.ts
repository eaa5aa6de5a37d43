/** Questions pages ask of the model, answered in one place so pages and tests agree. */
import { countProgress, type ProgressCounts } from './progress.ts';
import type { ConcernRef, Plan, Site, Theme } from './model.ts';

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

/** Progress of the actions under each theme (an action counts under every theme of its concern), by theme id. */
export function progressByTheme(site: Site): Map<string, ProgressCounts> {
  return new Map(
    site.themes.map((theme) => [
      theme.id,
      countProgress(site.plans.flatMap((p) => p.concerns.filter((c) => c.themes.some((t) => t.id === theme.id)).flatMap((c) => c.actions))),
    ]),
  );
}
