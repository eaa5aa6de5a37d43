/**
 * Every internal link goes through `href`, so the site works under a sub-path (BASE_PATH) as well
 * as at the root of a domain.
 */
import type { Establishment, Plan, Theme } from '../content/model.ts';
import { settings } from '../settings.ts';

const base = settings.base.replace(/\/?$/, '/');

/** A site path ("/plans/x/") under the configured base ("/action-plans/plans/x/"). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

export const planPath = (plan: Pick<Plan, 'id'>) => href(`/plans/${plan.id}/`);
export const establishmentPath = (e: Pick<Establishment, 'id'>) => href(`/establishments/${e.id}/`);
export const themePath = (t: Pick<Theme, 'id'>) => href(`/themes/${t.id}/`);
