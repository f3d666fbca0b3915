// A part of a page that may wait for words the browser has not loaded yet (another namespace's), without holding up
// the rest of the page, and that is left out if they cannot be fetched (the connection lost): the page around it,
// say a confirmation with the person's reference, stays (docs/decisions/041).
import { Component, Suspense, type ReactNode } from "react";

class LeftOutOnError extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

export function OptionalPart({ children }: { children: ReactNode }) {
  return (
    <LeftOutOnError>
      <Suspense fallback={null}>{children}</Suspense>
    </LeftOutOnError>
  );
}
