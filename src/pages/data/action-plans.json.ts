import type { APIRoute } from 'astro';
import { getSite } from '../../content/site.ts';
import { jsonResponse, plansJson } from '../../data/downloads.ts';

/** Every plan in full. */
export const GET: APIRoute = () => jsonResponse(plansJson(getSite()));
