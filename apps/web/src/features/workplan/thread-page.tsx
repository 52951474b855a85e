import { useEffect } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { navigate } from "../../app/router";
import { useT } from "../../i18n";
import { ErrorState, LoadingState } from "../../ui/states";

/** Where a thread lives in its workplan: the editor opens it from the `#thread-` hash. */
export function threadInWorkplanPath(workplanId: string, threadId: string): string {
  return `/workplans/${encodeURIComponent(workplanId)}#thread-${encodeURIComponent(threadId)}`;
}

/** `/threads/:threadId` (a task's link back to its thread): finds the workplan, then opens it. */
export function ThreadPage({ threadId }: { threadId: string }) {
  const t = useT("workplan");
  const thread = useResource(() => api.thread(threadId), threadId);
  const workplanId = thread.data?.workplanId;
  useEffect(() => {
    if (workplanId) navigate(threadInWorkplanPath(workplanId, threadId), { replace: true });
  }, [workplanId, threadId]);
  if (thread.status === "error") {
    return (
      <section className="page">
        <ErrorState title={t("thread.openError")} error={thread.error} onRetry={thread.reload} />
      </section>
    );
  }
  return <LoadingState label={t("thread.opening")} />;
}
