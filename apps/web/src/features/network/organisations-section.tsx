import { ORGANISATION_TYPES } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { type MessageKey, type Translate, useFormat, useT } from "../../i18n";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";

const TYPE_GROUPS = [...new Set(ORGANISATION_TYPES.map((type) => type.group))];

const GROUP_KEYS: Record<string, MessageKey<"network">> = {
  "united-nations": "orgGroup.united-nations",
  state: "orgGroup.state",
  international: "orgGroup.international",
  society: "orgGroup.society",
  funding: "orgGroup.funding",
  other: "orgGroup.other",
};

const TYPE_KEYS: Record<string, MessageKey<"network">> = {
  "un-agency": "orgType.un-agency",
  "un-coordination-office": "orgType.un-coordination-office",
  "government-commission": "orgType.government-commission",
  ministry: "orgType.ministry",
  "government-agency": "orgType.government-agency",
  nhri: "orgType.nhri",
  parliament: "orgType.parliament",
  municipality: "orgType.municipality",
  "intergovernmental-organisation": "orgType.intergovernmental-organisation",
  "civil-society-organisation": "orgType.civil-society-organisation",
  "migrant-association": "orgType.migrant-association",
  academia: "orgType.academia",
  "private-sector": "orgType.private-sector",
  "trade-union": "orgType.trade-union",
  media: "orgType.media",
  donor: "orgType.donor",
  other: "orgType.other",
};

/** An organisation type in the reader's language; the catalogue's English for a type added since. */
function typeLabel(t: Translate<"network">, key: string): string {
  const messageKey = TYPE_KEYS[key];
  return messageKey
    ? t(messageKey)
    : (ORGANISATION_TYPES.find((type) => type.key === key)?.label ?? key);
}

function groupLabel(t: Translate<"network">, group: string): string {
  const messageKey = GROUP_KEYS[group];
  return messageKey ? t(messageKey) : group;
}

export function OrganisationsSection({
  networkId,
  onChanged,
}: {
  networkId: string;
  onChanged: () => void;
}) {
  const t = useT("network");
  const f = useFormat();
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
        <h2 id="organisations-title">{t("organisations.title")}</h2>
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
            {t("organisations.add")}
          </button>
        ) : null}
      </div>
      {organisations.status === "loading" ? (
        <LoadingState label={t("organisations.loading")} />
      ) : null}
      {organisations.status === "error" ? (
        <ErrorState error={organisations.error} onRetry={organisations.reload} />
      ) : null}
      {organisations.status === "ready" && sorted.length === 0 ? (
        <EmptyState title={t("organisations.empty.title")}>
          <p className="muted">{t("organisations.empty.body")}</p>
        </EmptyState>
      ) : null}
      {sorted.length > 0 ? (
        <div className="table-wrap card">
          <table className="table">
            <caption className="visually-hidden">{t("organisations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organisations.name")}</th>
                <th scope="col">{t("organisations.acronym")}</th>
                <th scope="col">{t("organisations.type")}</th>
                <th scope="col" className="numeric">
                  {t("organisations.members")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row" className="cell-strong" dir="auto">
                    {organisation.name}
                  </th>
                  <td className="nowrap">
                    {organisation.acronym || <span className="muted">—</span>}
                  </td>
                  <td>
                    <span className="tag">{typeLabel(t, organisation.type)}</span>
                  </td>
                  <td className="numeric">{f.number(organisation.memberCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <FormDialog
        open={adding}
        onClose={() => setAdding(false)}
        title={t("organisations.add")}
        submitLabel={t("organisations.add")}
        onSubmit={async () => {
          const created = await api.createOrganisation(networkId, { name, acronym, type });
          organisations.update((list) => [...list, created]);
          onChanged();
        }}
      >
        <Field label={t("organisations.name")}>
          <input
            className="input"
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field label={t("organisations.acronym")} hint={t("organisations.acronymHint")}>
          <input
            className="input"
            maxLength={40}
            value={acronym}
            onChange={(event) => setAcronym(event.target.value)}
          />
        </Field>
        <Field label={t("organisations.type")}>
          <select
            className="select"
            required
            value={type}
            onChange={(event) => setType(event.target.value)}
          >
            <option value="" disabled>
              {t("organisations.chooseType")}
            </option>
            {TYPE_GROUPS.map((group) => (
              <optgroup key={group} label={groupLabel(t, group)}>
                {ORGANISATION_TYPES.filter((type) => type.group === group).map((type) => (
                  <option key={type.key} value={type.key}>
                    {typeLabel(t, type.key)}
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
