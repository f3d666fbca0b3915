// How the portal was used to send something, for the annual report's "how people reached us": whether its
// JavaScript ran, and the screen's width band. Filled in only by the page's own script, so without JavaScript
// both stay empty, which is itself the answer. Nothing that could identify anyone: three bands, no sizes.
import { useEffect, useRef } from "react";

export const reachFieldNames = { javascript: "reach-js", width: "reach-width" } as const;

/** The GOV.UK breakpoints: below tablet (641 px), tablet to desktop (1020 px), and wider. */
function widthBand(width: number): "narrow" | "medium" | "wide" {
  return width < 641 ? "narrow" : width < 1020 ? "medium" : "wide";
}

export function ReachFields() {
  const javascript = useRef<HTMLInputElement>(null);
  const width = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (javascript.current) javascript.current.value = "yes";
    if (width.current) width.current.value = widthBand(window.innerWidth);
  }, []);
  return (
    <>
      <input ref={javascript} type="hidden" name={reachFieldNames.javascript} defaultValue="" />
      <input ref={width} type="hidden" name={reachFieldNames.width} defaultValue="" />
    </>
  );
}
