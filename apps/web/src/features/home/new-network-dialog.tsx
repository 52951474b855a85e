import type { NetworkSummary } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";

export function NewNetworkDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (network: NetworkSummary) => void;
}) {
  const t = useT("home");
  const [name, setName] = useState("");
  const [country, setCountry] = useState("");
  const [description, setDescription] = useState("");

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t("dialog.title")}
      description={t("dialog.description")}
      submitLabel={t("dialog.submit")}
      onSubmit={async () => {
        const network = await api.createNetwork({ name, country, description });
        setName("");
        setCountry("");
        setDescription("");
        onCreated(network);
      }}
    >
      <Field label={t("dialog.name")}>
        <input
          className="input"
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field label={t("dialog.country")}>
        <input
          className="input"
          maxLength={100}
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        />
      </Field>
      <Field label={t("dialog.description.label")} hint={t("dialog.description.hint")}>
        <textarea
          className="input textarea"
          rows={4}
          maxLength={5000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
