import type { APIRoute } from 'astro';
import { getSite } from '../../content/site.ts';
import { actionsCsv } from '../../data/downloads.ts';

// A byte order mark lets spreadsheet programs read the UTF-8 (en dashes, accents) correctly.
export const GET: APIRoute = () =>
  new Response('\uFEFF' + actionsCsv(getSite()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
