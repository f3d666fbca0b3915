// govuk-frontend ships JavaScript without type declarations; we use only initAll.
declare module "govuk-frontend" {
  export function initAll(config?: { scope?: Element | Document; onError?: (error: unknown) => void }): void;
}
