// Only the GOV.UK Frontend components the site uses, so the browser downloads no more than it runs.
import { createAll, ServiceNavigation, SkipLink } from 'govuk-frontend';

createAll(ServiceNavigation);
createAll(SkipLink);
