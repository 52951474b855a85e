import { initials, type PresentUser, textColorOn } from "./presence";

/** Who has the workplan open now, as initials in their colours; five at most, then a count. */
export function AvatarStack({ users }: { users: readonly PresentUser[] }) {
  const shown = users.slice(0, 5);
  if (users.length === 0) return null;
  return (
    <ul className="avatar-stack" aria-label={`${users.length} here now`}>
      {shown.map((user) => (
        <li
          key={user.id}
          className="avatar-stack-item"
          style={{ backgroundColor: user.color, color: textColorOn(user.color) }}
          title={`${user.name}${user.organisation ? ` · ${user.organisation}` : ""}${user.isSelf ? " (you)" : ""}`}
        >
          <span aria-hidden="true">{initials(user.name)}</span>
          <span className="visually-hidden">
            {user.name}
            {user.isSelf ? " (you)" : ""}
          </span>
        </li>
      ))}
      {users.length > shown.length ? (
        <li className="avatar-stack-item avatar-stack-more">+{users.length - shown.length}</li>
      ) : null}
    </ul>
  );
}
