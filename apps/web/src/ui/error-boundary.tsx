import { Component, type ReactNode } from "react";
import { ApiError } from "../api/errors";
import { useT } from "../i18n";
import { ErrorState } from "./states";

type Props = {
  children: ReactNode;
  /** The route: another one starts afresh, without remounting a page that did not fail. */
  resetKey: string;
};
type State = { error: unknown };

/**
 * A page that throws while rendering shows why, inside the app's frame, instead of leaving the
 * whole window blank; the navigation stays.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error("unknown") };
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) {
      this.setState({ error: null });
    }
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <PageFailed error={this.state.error} />;
  }
}

function PageFailed({ error }: { error: unknown }) {
  const t = useT("common");
  // a fault in the page's own code says nothing a reader can act on: "try again" is the advice
  const shown = error instanceof ApiError ? error : null;
  return (
    <ErrorState title={t("pageFailed")} error={shown} onRetry={() => window.location.reload()} />
  );
}
