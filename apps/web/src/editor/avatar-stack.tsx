import { useT } from "../i18n";
import { initials, type PresentUser, textColorOn } from "./presence";

/** Who has the workplan open now, as initials in their colours; five at most, then a count. */
export function AvatarStack({ users }: { users: readonly PresentUser[] }) {
  const t = useT("editor");
  const shown = users.slice(0, 5);
  if (users.length === 0) return null;
  return (
    <ul className="avatar-stack" aria-label={t("presence.hereNowCount", { count: users.length })}>
      {shown.map((user) => (
        <li
          key={user.id}
          className="avatar-stack-item"
          style={{ backgroundColor: user.color, color: textColorOn(user.color) }}
          title={`${user.name}${user.organisation ? ` · ${user.organisation}` : ""}${user.isSelf ? ` ${t("presence.you")}` : ""}`}
        >
          <span aria-hidden="true">{initials(user.name)}</span>
          <span className="visually-hidden">
            {user.name}
            {user.isSelf ? ` ${t("presence.you")}` : ""}
          </span>
        </li>
      ))}
      {users.length > shown.length ? (
        <li className="avatar-stack-item avatar-stack-more">+{users.length - shown.length}</li>
      ) : null}
    </ul>
  );
}
