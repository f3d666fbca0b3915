// Any path no other route claims: GOV.UK's "Page not found", with status 404.
export function loader(): never {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
