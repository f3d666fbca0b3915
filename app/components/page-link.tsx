// Links and forms to other pages of the portal, followed by Remix with JavaScript on. The route they lead to is
// looked up when they are followed, not when the page renders (Remix's default, discover="render", asks the server
// for the routes of every link and form on a page as soon as it loads): a first visit on a slow phone connection
// spends its bytes on the page itself. Following one to a route not yet known costs one small manifest request
// then, as a redirect already does.
import { forwardRef } from "react";
import { Form, Link, type FormProps, type LinkProps } from "@remix-run/react";

export function PageLink(props: LinkProps) {
  return <Link discover="none" {...props} />;
}

export const PageForm = forwardRef<HTMLFormElement, FormProps>(function PageForm(props, ref) {
  return <Form discover="none" ref={ref} {...props} />;
});
