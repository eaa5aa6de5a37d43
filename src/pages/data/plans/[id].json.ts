import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../../content/model.ts';
import { getSite } from '../../../content/site.ts';
import { jsonResponse, plansJson } from '../../../data/downloads.ts';

/** One plan in full: the same shape as /data/action-plans.json, with one plan in `plans`. */
export const getStaticPaths = (() => getSite().plans.map((plan) => ({ params: { id: plan.id }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ plan: Plan }> = ({ props }) => jsonResponse(plansJson(getSite(), [props.plan]));
