import type { IatiCheck } from "@junction/domain";
import { Link } from "../../app/router";
import { Notice } from "../../ui/states";

/** What an IATI file will hold and leave out, before anyone downloads it. */
export function IatiCheckView({ check, networkId }: { check: IatiCheck; networkId: string }) {
  if (!check.configured) {
    return (
      <Notice tone="warning">
        This network has no IATI settings yet, so there is no IATI file.{" "}
        <Link to={`/networks/${encodeURIComponent(networkId)}/exports#iati-settings`}>
          Set the IATI identifier prefix
        </Link>{" "}
        (coordinators).
      </Notice>
    );
  }
  return (
    <div className="iati-check">
      <p>
        <strong>{check.exported}</strong> {check.exported === 1 ? "activity" : "activities"} will be
        published.
        {check.skipped.length > 0
          ? ` ${check.skipped.length} cannot be expressed in IATI as recorded and will be left out:`
          : " Nothing is left out."}
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
          <summary>
            {check.notices.length} {check.notices.length === 1 ? "note" : "notes"} on what IATI does
            not carry
          </summary>
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
