import type { OwnerView } from "@junction/domain";
import { useMemo, useState } from "react";
import { api } from "../../api/client";
import { FormDialog } from "../../ui/dialog";
import { Notice } from "../../ui/states";
import { assignable, useAssignableMembers } from "../tasks";

type OwnersDialogProps = {
  open: boolean;
  networkId: string;
  workplanId: string;
  activityId: string;
  activityTitle: string;
  owners: readonly OwnerView[];
  onClose: () => void;
  onSaved: () => void;
};

/** Sets the owners of an activity (coordinators): a checkbox per member who may own work. */
export function OwnersDialog(props: OwnersDialogProps) {
  // mounted only while open: each opening starts from the current owners
  return props.open ? <OwnersForm {...props} /> : null;
}

function OwnersForm({
  open,
  networkId,
  workplanId,
  activityId,
  activityTitle,
  owners,
  onClose,
  onSaved,
}: OwnersDialogProps) {
  const members = useAssignableMembers(networkId);
  const people = useMemo(() => assignable(members.data ?? []), [members.data]);
  const [chosen, setChosen] = useState<string[]>(() => owners.map((owner) => owner.userId));

  function toggle(userId: string, checked: boolean) {
    setChosen((current) =>
      checked ? [...current, userId] : current.filter((id) => id !== userId),
    );
  }

  async function save() {
    await api.setActivityOwners(workplanId, activityId, chosen);
    onSaved();
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Owners"
      description={`Who owns “${activityTitle || "Untitled activity"}”. Owners may update its status.`}
      submitLabel="Save owners"
      onSubmit={save}
    >
      <fieldset className="owners-picker">
        <legend className="visually-hidden">Owners</legend>
        {members.status === "loading" ? <p className="muted small">Loading members…</p> : null}
        {members.status === "error" ? (
          <Notice tone="error">Could not load the members.</Notice>
        ) : null}
        <ul className="owners-options">
          {people.map((member) => (
            <li key={member.userId}>
              <label className="owners-option">
                <input
                  type="checkbox"
                  checked={chosen.includes(member.userId)}
                  onChange={(event) => toggle(member.userId, event.target.checked)}
                />
                <span>
                  {member.name}{" "}
                  <span className="muted small">
                    ({member.organisationAcronym || member.organisationName})
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </FormDialog>
  );
}
