// With JavaScript, a warning two minutes before the idle limit lets the person keep their answers; typing keeps them
// as sending an answer does.
// Without JavaScript nothing shows, and an expired session lands on "Your answers have been deleted".
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "~/translation/react";

const WARNING_BEFORE_MS = 2 * 60_000;

export function TimeoutWarning({ idleMinutes, journeyId, csrf }: { idleMinutes: number; journeyId: string; csrf: string }) {
  const { t } = useTranslation("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const keepAlive = useFetcher<{ ok: boolean }>();
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [extended, setExtended] = useState(false);

  useEffect(() => {
    const limit = idleMinutes * 60_000;
    const warn = window.setTimeout(() => {
      setExtended(false);
      if (!dialog.current?.open) dialog.current?.showModal();
    }, Math.max(0, limit - WARNING_BEFORE_MS - (Date.now() - startedAt)));
    const expire = window.setTimeout(() => {
      window.location.assign(`/answers-deleted?from=${encodeURIComponent(journeyId)}`);
    }, Math.max(0, limit - (Date.now() - startedAt)));
    // As GOV.UK Frontend marks a component it has set up: the warning's clocks are running from here.
    dialog.current?.setAttribute("data-app-timeout-warning-init", "");
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(expire);
    };
  }, [idleMinutes, journeyId, startedAt]);

  // Typing is activity too: someone writing a long answer is not told their answers will be deleted "if you do not
  // do anything", nor do their keystrokes go into the warning. Past half the idle time, the next one keeps the session,
  // quietly (nothing is announced, and the page's data is not fetched again), and the clocks start again.
  useEffect(() => {
    let sending = false;
    const typed = () => {
      if (sending || Date.now() - startedAt < (idleMinutes * 60_000) / 2) return;
      sending = true;
      // Only a session the server kept: its answer says so. Once it says the session has gone ({ ok: false }), this
      // page asks no more, and its clocks run on as they were.
      fetch("/session/keep-alive", { method: "POST", body: new URLSearchParams({ csrf }) })
        .then((response) => response.json() as Promise<{ ok?: boolean }>)
        .then((kept) => {
          if (kept.ok !== true) return document.removeEventListener("input", typed);
          sending = false;
          setStartedAt(Date.now());
        }, () => (sending = false));
    };
    document.addEventListener("input", typed);
    return () => document.removeEventListener("input", typed);
  }, [idleMinutes, startedAt, csrf]);

  useEffect(() => {
    if (keepAlive.state === "idle" && keepAlive.data?.ok) {
      setStartedAt(Date.now());
      setExtended(true);
      dialog.current?.close();
    }
  }, [keepAlive.state, keepAlive.data]);

  // Looked up in every render, shown or not: the page's words then hold it, and staying never waits for a locale
  // file (decision 053).
  const extendedText = t("timeout.extended", { minutes: idleMinutes });

  const stay = useCallback(() => {
    keepAlive.submit({ csrf }, { method: "post", action: "/session/keep-alive" });
  }, [keepAlive, csrf]);

  return (
    <>
      <dialog ref={dialog} className="app-timeout-dialog" aria-labelledby="timeout-title" aria-describedby="timeout-body" onCancel={(event) => { event.preventDefault(); stay(); }}>
        <h2 className="govuk-heading-m" id="timeout-title">
          {t("timeout.dialogTitle")}
        </h2>
        <p className="govuk-body" id="timeout-body">
          {t("timeout.dialogBody")}
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={stay}>
            {t("timeout.stay")}
          </button>
          <a className="govuk-link" href="/exit">
            {t("timeout.leave")}
          </a>
        </div>
      </dialog>
      <div className="govuk-visually-hidden" role="status" id="timeout-extended">
        {extended ? extendedText : ""}
      </div>
    </>
  );
}
