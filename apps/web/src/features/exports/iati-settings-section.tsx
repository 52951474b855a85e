import type { IatiSettingsView } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { describeError, isApiError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { useFormat, useT } from "../../i18n";
import { Field } from "../../ui/field";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { exportsApi } from "./exports-api";

type Draft = {
  prefix: string;
  reportingOrgType: string;
  reportingOrgName: string;
  language: string;
  sector: string;
};

const FIELDS = ["prefix", "reportingOrgType", "reportingOrgName", "language", "sector"] as const;

function draftOf(view: IatiSettingsView): Draft {
  const settings = view.settings;
  return {
    prefix: settings?.prefix ?? "",
    reportingOrgType: settings?.reportingOrgType ?? "40",
    reportingOrgName: settings?.reportingOrgName ?? "",
    language: settings?.language ?? "en",
    sector: settings?.sector ?? "",
  };
}

/** The server says "field: message; field: message"; each message goes under its field. */
export function fieldErrors(message: string): Partial<Record<keyof Draft, string>> {
  const errors: Partial<Record<keyof Draft, string>> = {};
  for (const part of message.split("; ")) {
    const match = /^(\w+): (.*)$/.exec(part);
    const field = FIELDS.find((name) => name === match?.[1]);
    if (field && match?.[2]) errors[field] = match[2];
  }
  return errors;
}

function SettingsForm({
  networkId,
  view,
  onSaved,
}: {
  networkId: string;
  view: IatiSettingsView;
  onSaved: (view: IatiSettingsView) => void;
}) {
  const t = useT("exports");
  const tc = useT("common");
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const readOnly = !view.canChange;
  const set = (field: keyof Draft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    setErrors({});
    try {
      const next = await exportsApi.saveIatiSettings(networkId, {
        prefix: draft.prefix,
        reportingOrgType: draft.reportingOrgType,
        reportingOrgName: draft.reportingOrgName.trim() || null,
        language: draft.language,
        sector: draft.sector.trim() || null,
      });
      onSaved(next);
      setSaved(true);
    } catch (error) {
      const byField = isApiError(error, 400) ? fieldErrors(error.message) : {};
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 ? null : describeError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="iati-settings-form" onSubmit={submit} noValidate>
      <Field
        label={t("settings.prefix")}
        hint={t("settings.prefixHint", {
          pattern: `<${t("settings.patternPrefix")}>-<${t("settings.patternId")}>`,
        })}
        error={errors.prefix}
      >
        <input
          className="input"
          value={draft.prefix}
          readOnly={readOnly}
          required
          onChange={(event) => set("prefix")(event.target.value)}
        />
      </Field>
      <Field label={t("settings.orgType")} error={errors.reportingOrgType}>
        <select
          className="select"
          value={draft.reportingOrgType}
          disabled={readOnly}
          onChange={(event) => set("reportingOrgType")(event.target.value)}
        >
          {view.organisationTypes.map((type) => (
            <option key={type.code} value={type.code}>
              {type.code} {type.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t("settings.orgName")}
        hint={t("settings.orgNameHint", { name: view.defaultReportingOrgName })}
        error={errors.reportingOrgName}
      >
        <input
          className="input"
          dir="auto"
          value={draft.reportingOrgName}
          readOnly={readOnly}
          onChange={(event) => set("reportingOrgName")(event.target.value)}
        />
      </Field>
      <Field
        label={t("settings.language")}
        hint={t("settings.languageHint")}
        error={errors.language}
      >
        <input
          className="input input-short"
          value={draft.language}
          readOnly={readOnly}
          onChange={(event) => set("language")(event.target.value)}
        />
      </Field>
      <Field label={t("settings.sector")} hint={t("settings.sectorHint")} error={errors.sector}>
        <input
          className="input input-short"
          value={draft.sector}
          readOnly={readOnly}
          onChange={(event) => set("sector")(event.target.value)}
        />
      </Field>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {saved ? <Notice tone="success">{t("settings.saved")}</Notice> : null}
      {readOnly ? (
        <p className="muted small">{t("settings.coordinatorsOnly")}</p>
      ) : (
        <div className="row-end">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? tc("saving") : t("settings.save")}
          </button>
        </div>
      )}
    </form>
  );
}

/** The network's IATI settings: coordinators set them, everyone sees them. */
export function IatiSettingsSection({
  networkId,
  onSaved,
}: {
  networkId: string;
  onSaved?: () => void;
}) {
  const t = useT("exports");
  const f = useFormat();
  const view = useResource(() => exportsApi.iatiSettings(networkId), networkId);
  return (
    <section className="section card" id="iati-settings" aria-labelledby="iati-settings-title">
      <div className="section-header">
        <h2 id="iati-settings-title">{t("settings.title")}</h2>
        {view.data?.settings ? (
          <span className="muted small">
            {t("settings.lastChanged", { date: f.dateTime(view.data.settings.updatedAt) })}
          </span>
        ) : null}
      </div>
      {view.status === "loading" ? <LoadingState label={t("settings.loading")} /> : null}
      {view.status === "error" ? <ErrorState error={view.error} onRetry={view.reload} /> : null}
      {view.status === "ready" ? (
        <>
          {view.data.settings === null ? <Notice tone="info">{t("settings.needed")}</Notice> : null}
          <SettingsForm
            networkId={networkId}
            view={view.data}
            onSaved={(next) => {
              view.update(() => next);
              onSaved?.();
            }}
          />
        </>
      ) : null}
    </section>
  );
}
