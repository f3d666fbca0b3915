// The honeypot: hidden from sight, from screen readers and from autofill, so only a bot fills it in.
export function BotFields({ started }: { started: string }) {
  return (
    <>
      <div className="app-honeypot" aria-hidden="true">
        <label htmlFor="website">Leave this empty</label>
        <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name="started" value={started} />
    </>
  );
}
