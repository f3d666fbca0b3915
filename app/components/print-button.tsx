// "Print or save a copy": a link without JavaScript would do nothing, so it only appears once JS runs.
import { useEffect, useState } from "react";

export function PrintButton({ text }: { text: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return null;
  return (
    <p className="govuk-body">
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => {
          // Closed details do not print; open the answers first.
          document.querySelectorAll<HTMLDetailsElement>("details.app-print-open").forEach((details) => (details.open = true));
          window.print();
        }}>
        {text}
      </button>
    </p>
  );
}
