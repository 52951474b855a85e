import type { OwnerView } from "@junction/domain";
import { useMemo, useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n";
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
  const t = useT("owners");
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
      title={t("dialog.title")}
      description={t.rich("dialog.description", {
        title: <bdi>{activityTitle || t("dialog.untitled")}</bdi>,
      })}
      submitLabel={t("dialog.save")}
      onSubmit={save}
    >
      <fieldset className="owners-picker">
        <legend className="visually-hidden">{t("dialog.title")}</legend>
        {members.status === "loading" ? <p className="muted small">{t("dialog.loading")}</p> : null}
        {members.status === "error" ? <Notice tone="error">{t("dialog.loadError")}</Notice> : null}
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
