/**
 * The page chrome (header, navigation, phase banner, footer) from govuk-frontend's macros, with
 * GOV.UK's brand only where the settings say the site is on GOV.UK.
 */
import { settings } from '../settings.ts';
import { linkHtml } from '../lib/html.ts';
import { href } from '../lib/urls.ts';
import { govuk } from './render.ts';

export interface NavItem {
  text: string;
  path: string;
}

export const NAVIGATION: NavItem[] = [
  { text: 'Establishments', path: '/establishments/' },
  { text: 'Progress', path: '/progress/' },
  { text: 'Open data', path: '/data/' },
  { text: 'About', path: '/about/' },
];

/** A link target from the settings: site paths go under the base, full addresses stay as they are. */
export function settingHref(target: string): string {
  return target.startsWith('/') ? href(target) : target;
}

/** Where the search page is: every other page has a search box in its header that goes there. */
export const SEARCH_PATH = '/search/';

/**
 * The header's search box: a GET form to the search page with `q`. The search page leaves it out,
 * so that page has one search box, not two with the same purpose.
 */
export function headerSearch(): string {
  const input = govuk('input', {
    id: 'header-search-q',
    name: 'q',
    type: 'search',
    label: { text: 'Search action plans', classes: 'govuk-visually-hidden' },
    classes: 'app-header-search__input',
    autocomplete: 'off',
    spellcheck: false,
    attributes: { enterkeyhint: 'search' },
  });
  const button = govuk('button', { text: 'Search', classes: 'govuk-button--secondary app-header-search__button' });
  return `<form class="app-header-search" action="${href(SEARCH_PATH)}" method="get" role="search">${input}${button}</form>`;
}

export function header(currentPath: string): string {
  const navigation = NAVIGATION.map((item) => {
    const itemHref = href(item.path);
    const active = currentPath.startsWith(itemHref);
    return { text: item.text, href: itemHref, ...(active ? { active: true, current: currentPath === itemHref } : {}) };
  });
  const serviceNavigation = govuk('service-navigation', {
    serviceName: settings.serviceName,
    serviceUrl: href('/'),
    navigation,
    ...(currentPath === href(SEARCH_PATH) ? {} : { slots: { end: { html: headerSearch(), align: 'inline' } } }),
  });
  return settings.govukBranding ? govuk('header', { homepageUrl: 'https://www.gov.uk/' }) + serviceNavigation : serviceNavigation;
}

export function phaseBanner(): string {
  return govuk('phase-banner', {
    tag: { text: settings.phase },
    html: `This is a new service. Help us improve it and ${linkHtml(settingHref(settings.feedbackUrl), 'give your feedback')}.`,
  });
}

/** The footer's crown is GOV.UK branding, which a site not on GOV.UK must not show. */
export function withoutCrown(footerHtml: string): string {
  return footerHtml.replace(/<svg\b[^>]*\bgovuk-footer__crown\b[^>]*>[\s\S]*?<\/svg>\s*/, '');
}

export function footer(): string {
  const html = govuk('footer', {
    meta: {
      items: [
        { href: href('/about/'), text: 'About this site' },
        { href: href('/accessibility/'), text: 'Accessibility statement' },
        { href: href('/data/'), text: 'Open data' },
      ],
      text: 'Action plans are published by HM Prison and Probation Service. Themes and progress statuses on this site are editorial.',
    },
    ...(settings.govukBranding ? {} : { copyright: { text: 'Action plans © Crown copyright' } }),
  });
  return settings.govukBranding ? html : withoutCrown(html);
}
