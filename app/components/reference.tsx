/**
 * A reference number as people copy it: kept on one line and always left to right, so "C-7K4M-2Q9P-W" reads and
 * copies the same on an Arabic page as on an English one.
 */
export function Reference({ value }: { value: string }) {
  return (
    <span className="app-reference" dir="ltr">
      {value}
    </span>
  );
}
