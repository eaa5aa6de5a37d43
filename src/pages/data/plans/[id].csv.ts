import type { APIRoute, GetStaticPaths } from 'astro';
import type { Plan } from '../../../content/model.ts';
import { getSite } from '../../../content/site.ts';
import { actionsCsv, csvResponse } from '../../../data/downloads.ts';

/** One plan's actions: the same columns as /data/actions.csv. */
export const getStaticPaths = (() => getSite().plans.map((plan) => ({ params: { id: plan.id }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ plan: Plan }> = ({ props }) => csvResponse(actionsCsv(getSite(), [props.plan]));
