import type { APIRoute } from 'astro';
import { getSite } from '../../content/site.ts';
import { actionsCsv, csvResponse } from '../../data/downloads.ts';

/** Every action of every plan. */
export const GET: APIRoute = () => csvResponse(actionsCsv(getSite()));
