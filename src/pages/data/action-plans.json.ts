import type { APIRoute } from 'astro';
import { getSite } from '../../content/site.ts';
import { plansJson } from '../../data/downloads.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(plansJson(getSite()), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
