import type { APIRoute } from 'astro';
import { getSite } from '../content/site.ts';
import { atomFeed } from '../data/feed.ts';
import { settings } from '../settings.ts';
import { absoluteUrl, href } from '../lib/urls.ts';

/**
 * The Atom feed of new plans and progress (src/data/feed.ts). Always published: with SITE_URL its
 * links are absolute; without it they are paths from the site's root, resolved against the feed's
 * own address (RFC 4287 allows that for links; its ids never depend on the address).
 */
export const GET: APIRoute = () =>
  new Response(atomFeed(getSite(), { title: settings.serviceName, url: (path) => absoluteUrl(path) ?? href(path) }), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
