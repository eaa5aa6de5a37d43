// govuk-frontend ships no type declarations; these cover the part of its API the site calls.
declare module 'govuk-frontend' {
  export class Component {}
  export class ServiceNavigation extends Component {}
  export class SkipLink extends Component {}
  export function createAll(component: typeof Component, config?: object, scope?: Element | Document): Component[];
}
