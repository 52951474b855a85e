import type { IatiCheck } from "@junction/domain";
import { Link } from "../../app/router";
import { useT } from "../../i18n";
import { Notice } from "../../ui/states";

/** What an IATI file will hold and leave out, before anyone downloads it. */
export function IatiCheckView({ check, networkId }: { check: IatiCheck; networkId: string }) {
  const t = useT("exports");
  if (!check.configured) {
    return (
      <Notice tone="warning">
        {t.rich("iati.notConfigured", {
          link: (chunks) => (
            <Link to={`/networks/${encodeURIComponent(networkId)}/exports#iati-settings`}>
              {chunks}
            </Link>
          ),
        })}
      </Notice>
    );
  }
  return (
    <div className="iati-check">
      <p>
        {t.rich("iati.willPublish", {
          count: check.exported,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}{" "}
        {check.skipped.length > 0
          ? t("iati.skipped", { count: check.skipped.length })
          : t("iati.nothingLeftOut")}
      </p>
      {check.skipped.length > 0 ? (
        <ul className="iati-skipped">
          {check.skipped.map((skipped) => (
            <li key={`${skipped.workplanId}:${skipped.activityId}`}>
              <Link
                to={`/workplans/${encodeURIComponent(skipped.workplanId)}#activity-${encodeURIComponent(skipped.activityId)}`}
              >
                {skipped.title || skipped.activityId}
              </Link>
              : {skipped.reasons.join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
      {check.notices.length > 0 ? (
        <details className="iati-notices">
          <summary>{t("iati.notes", { count: check.notices.length })}</summary>
          <ul>
            {check.notices.slice(0, 50).map((notice, index) => (
              // notices have no id of their own and never reorder
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
              <li key={index}>{notice.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
