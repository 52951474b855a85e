import { ORGANISATION_TYPES } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { organisationTypeLabel } from "../../lib/format";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";

const TYPE_GROUPS = [...new Set(ORGANISATION_TYPES.map((type) => type.group))];

const GROUP_LABELS: Record<string, string> = {
  "united-nations": "United Nations",
  state: "State",
  international: "International",
  society: "Society",
  funding: "Funding",
  other: "Other",
};

function groupLabel(group: string): string {
  return GROUP_LABELS[group] ?? group;
}

export function OrganisationsSection({
  networkId,
  onChanged,
}: {
  networkId: string;
  onChanged: () => void;
}) {
  const organisations = useResource(() => api.organisations(networkId), networkId);
  const { may } = usePermissions(networkId);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState("");
  const [acronym, setAcronym] = useState("");
  const [type, setType] = useState("");
  const canManage = may("organisation.manage");
  const sorted = [...(organisations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="section" aria-labelledby="organisations-title">
      <div className="section-header">
        <h2 id="organisations-title">Organisations</h2>
        {canManage ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setName("");
              setAcronym("");
              setType("");
              setAdding(true);
            }}
          >
            Add organisation
          </button>
        ) : null}
      </div>
      {organisations.status === "loading" ? <LoadingState label="Loading organisations…" /> : null}
      {organisations.status === "error" ? (
        <ErrorState error={organisations.error} onRetry={organisations.reload} />
      ) : null}
      {organisations.status === "ready" && sorted.length === 0 ? (
        <EmptyState title="No organisations yet">
          <p className="muted">
            Add the organisations that take part before inviting their people.
          </p>
        </EmptyState>
      ) : null}
      {sorted.length > 0 ? (
        <div className="table-wrap card">
          <table className="table">
            <caption className="visually-hidden">Organisations in this network</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Acronym</th>
                <th scope="col">Type</th>
                <th scope="col" className="numeric">
                  Members
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row" className="cell-strong">
                    {organisation.name}
                  </th>
                  <td className="nowrap">
                    {organisation.acronym || <span className="muted">—</span>}
                  </td>
                  <td>
                    <span className="tag">{organisationTypeLabel(organisation.type)}</span>
                  </td>
                  <td className="numeric">{organisation.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <FormDialog
        open={adding}
        onClose={() => setAdding(false)}
        title="Add organisation"
        submitLabel="Add organisation"
        onSubmit={async () => {
          const created = await api.createOrganisation(networkId, { name, acronym, type });
          organisations.update((list) => [...list, created]);
          onChanged();
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
        <Field label="Acronym" hint="Optional, e.g. UNHCR">
          <input
            className="input"
            maxLength={40}
            value={acronym}
            onChange={(event) => setAcronym(event.target.value)}
          />
        </Field>
        <Field label="Type">
          <select
            className="select"
            required
            value={type}
            onChange={(event) => setType(event.target.value)}
          >
            <option value="" disabled>
              Choose a type…
            </option>
            {TYPE_GROUPS.map((group) => (
              <optgroup key={group} label={groupLabel(group)}>
                {ORGANISATION_TYPES.filter((t) => t.group === group).map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </FormDialog>
    </section>
  );
}
