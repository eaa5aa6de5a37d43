/**
 * Site-wide settings, read once from the environment so a deployment can change them without
 * touching code. Everything has a default that is right for a site that is not on GOV.UK.
 */
const env = (name: string): string | undefined => process.env[name]?.trim() || undefined;

export const settings = {
  serviceName: 'Prison inspection action plans',
  /**
   * Only a service on GOV.UK may use the GOV.UK crown, logotype and GDS Transport font, so the
   * branding is off unless GOVUK_BRANDING=true says the site is published there.
   */
  govukBranding: env('GOVUK_BRANDING') === 'true',
  phase: 'Beta',
  /** Where the phase banner's feedback link goes. */
  feedbackUrl: env('FEEDBACK_URL') ?? '/about/#feedback',
  /** The path the site is served under, such as "/action-plans/" on GitHub Pages. */
  base: env('BASE_PATH') ?? '/',
  /** The full address of the site, where known, for absolute links in downloads. */
  siteUrl: env('SITE_URL'),
};
