import type { NetworkSummary } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
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
  const [name, setName] = useState("");
  const [country, setCountry] = useState("");
  const [description, setDescription] = useState("");

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="New network"
      description="You can invite its coordinators once it exists."
      submitLabel="Create network"
      onSubmit={async () => {
        const network = await api.createNetwork({ name, country, description });
        setName("");
        setCountry("");
        setDescription("");
        onCreated(network);
      }}
    >
      <Field label="Name">
        <input
          className="input"
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field label="Country">
        <input
          className="input"
          maxLength={100}
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        />
      </Field>
      <Field label="Description" hint="Optional. Who is in the network and what it works on.">
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
