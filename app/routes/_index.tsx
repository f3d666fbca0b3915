import type { LoaderFunctionArgs } from "@remix-run/node";
export async function loader({ context }: LoaderFunctionArgs) {
  return { title: context.language };
}
export default function Start() {
  return <main className="govuk-main-wrapper" id="main-content"><h1 className="govuk-heading-xl">Start</h1></main>;
}
