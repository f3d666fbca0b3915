// How the portal was used to send something, for the annual report's "how people reached us": whether its
// JavaScript ran, and the screen's width band. Filled in only by the page's own script, so without JavaScript
// both stay empty, which is itself the answer. Nothing that could identify anyone: three bands, no sizes.
import { useEffect, useState } from "react";

export const reachFieldNames = { javascript: "reach-js", width: "reach-width" } as const;

/** The GOV.UK breakpoints: below tablet (641 px), tablet to desktop (1020 px), and wider. */
function widthBand(width: number): "narrow" | "medium" | "wide" {
  return width < 641 ? "narrow" : width < 1020 ? "medium" : "wide";
}

/**
 * Rendered empty, as the server renders them, then filled once mounted. The values are React's own (state), not set
 * on the elements: a hidden input's value is its `value` attribute, which React sets back to its `defaultValue` when
 * the page renders again (as it does when the send is pressed), so a value set on the element was lost for everyone
 * who came to check answers by a link, with JavaScript, rather than by loading it.
 */
export function ReachFields() {
  const [reach, setReach] = useState({ javascript: "", width: "" });
  useEffect(() => {
    setReach({ javascript: "yes", width: widthBand(window.innerWidth) });
  }, []);
  return (
    <>
      <input type="hidden" name={reachFieldNames.javascript} value={reach.javascript} />
      <input type="hidden" name={reachFieldNames.width} value={reach.width} />
    </>
  );
}
