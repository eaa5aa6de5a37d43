import type { APIRoute } from 'astro';
import { getSite } from '../content/site.ts';
import { sitemapEntries, sitemapXml } from '../data/sitemap.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { settings } from '../settings.ts';

/**
 * /sitemap.xml, only where the site's address is known (SITE_URL). The sitemap protocol requires
 * absolute addresses, and a sitemap of relative ones is rejected by search engines, so without
 * SITE_URL none is published: Astro writes no file for an empty response, and says so in the build
 * log ("file not created, response body was empty"). That is what a GOV.UK service expects: a
 * sitemap at its published address, listing only that address's pages.
 */
export const GET: APIRoute = () => {
  const siteUrl = settings.siteUrl;
  if (!siteUrl) return new Response(null, { status: 404 });
  const xml = sitemapXml(sitemapEntries(getSite()), (path) => absoluteUrl(path, siteUrl)!);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
