// GOV.UK Frontend's character count and file upload: only the pages with one of them fetch this (docs/decisions/042).
export { CharacterCount, FileUpload } from "govuk-frontend";
