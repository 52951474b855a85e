import type { IatiSettingsView } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { describeError, isApiError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { formatDateTime } from "../../lib/format";
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
        label="IATI identifier prefix"
        hint="The reporting organisation's IATI identifier, such as XM-DAC-47066. Each activity is published as <prefix>-<activity id>."
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
      <Field label="Reporting organisation type" error={errors.reportingOrgType}>
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
        label="Reporting organisation name"
        hint={`Leave empty to use the network's name (${view.defaultReportingOrgName}).`}
        error={errors.reportingOrgName}
      >
        <input
          className="input"
          value={draft.reportingOrgName}
          readOnly={readOnly}
          onChange={(event) => set("reportingOrgName")(event.target.value)}
        />
      </Field>
      <Field
        label="Language of the plan"
        hint="A two-letter ISO 639-1 code, such as en, fr or ka."
        error={errors.language}
      >
        <input
          className="input input-short"
          value={draft.language}
          readOnly={readOnly}
          onChange={(event) => set("language")(event.target.value)}
        />
      </Field>
      <Field
        label="DAC sector for all activities (optional)"
        hint="A 5-digit DAC code, such as 15190 (facilitation of orderly, safe, regular and responsible migration and mobility). IATI asks every activity for a sector; Junction records none per activity."
        error={errors.sector}
      >
        <input
          className="input input-short"
          value={draft.sector}
          readOnly={readOnly}
          onChange={(event) => set("sector")(event.target.value)}
        />
      </Field>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {saved ? <Notice tone="success">IATI settings saved.</Notice> : null}
      {readOnly ? (
        <p className="muted small">Only coordinators change these settings.</p>
      ) : (
        <div className="row-end">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? "Saving…" : "Save IATI settings"}
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
  const view = useResource(() => exportsApi.iatiSettings(networkId), networkId);
  return (
    <section className="section card" id="iati-settings" aria-labelledby="iati-settings-title">
      <div className="section-header">
        <h2 id="iati-settings-title">IATI publishing settings</h2>
        {view.data?.settings ? (
          <span className="muted small">
            Last changed {formatDateTime(view.data.settings.updatedAt)}
          </span>
        ) : null}
      </div>
      {view.status === "loading" ? <LoadingState label="Loading the IATI settings…" /> : null}
      {view.status === "error" ? <ErrorState error={view.error} onRetry={view.reload} /> : null}
      {view.status === "ready" ? (
        <>
          {view.data.settings === null ? (
            <Notice tone="info">
              IATI files need these settings first: until a coordinator saves them, IATI exports are
              refused.
            </Notice>
          ) : null}
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
