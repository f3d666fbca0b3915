// govuk-frontend ships JavaScript without type declarations; these are the parts the portal uses.
declare module "govuk-frontend" {
  interface ComponentClass {
    new (root: Element, config?: unknown): unknown;
    moduleName: string;
  }
  export const Button: ComponentClass;
  export const CharacterCount: ComponentClass;
  export const Checkboxes: ComponentClass;
  export const ErrorSummary: ComponentClass;
  export const ExitThisPage: ComponentClass;
  export const FileUpload: ComponentClass;
  export const Radios: ComponentClass;
  export const SkipLink: ComponentClass;
  export function createAll(component: ComponentClass, config?: unknown, options?: { scope?: Element | Document; onError?: (error: unknown) => void }): unknown[];
}
