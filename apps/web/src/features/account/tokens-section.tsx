import type { CreatedToken } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { useFormat, useT } from "../../i18n";
import { SecretValue } from "../../ui/copy-button";
import { Field } from "../../ui/field";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";

export function TokensSection() {
  const t = useT("account");
  const f = useFormat();
  const tokens = useResource(api.tokens, "tokens");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await api.createToken(name.trim());
      setCreated(token);
      setName("");
      tokens.reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(tokenId: string) {
    setError(null);
    try {
      await api.revokeToken(tokenId);
      tokens.update((list) => list.filter((token) => token.id !== tokenId));
      if (created?.id === tokenId) setCreated(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <section className="section" aria-labelledby="tokens-title">
      <div className="section-header">
        <div>
          <h2 id="tokens-title">{t("tokens.title")}</h2>
          <p className="muted small">{t("tokens.lead")}</p>
        </div>
      </div>
      <form className="card inline-form" onSubmit={(event) => void create(event)}>
        <Field label={t("tokens.name")} hint={t("tokens.nameHint")}>
          <input
            className="input"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("tokens.creating") : t("tokens.create")}
        </button>
      </form>
      {error ? (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {error}
        </Notice>
      ) : null}
      {created ? (
        <div className="card card-highlight" role="status">
          <h3>{t("tokens.created", { name: created.name })}</h3>
          <Notice tone="warning">{t("tokens.copyNow")}</Notice>
          <SecretValue value={created.token} label={t("tokens.newToken")} />
          <div className="row-end">
            <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
              {t("tokens.copiedIt")}
            </button>
          </div>
        </div>
      ) : null}

      {tokens.status === "loading" ? <LoadingState label={t("tokens.loading")} /> : null}
      {tokens.status === "error" ? (
        <ErrorState error={tokens.error} onRetry={tokens.reload} />
      ) : null}
      {tokens.status === "ready" && tokens.data.length === 0 ? (
        <EmptyState title={t("tokens.empty.title")}>
          <p className="muted">{t("tokens.empty.body")}</p>
        </EmptyState>
      ) : null}
      {tokens.status === "ready" && tokens.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table-stack">
            <caption className="visually-hidden">{t("tokens.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.column.name")}</th>
                <th scope="col">{t("tokens.column.created")}</th>
                <th scope="col">{t("tokens.column.lastUsed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("tokens.column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="cell-strong" dir="auto">
                    {token.name}
                  </th>
                  <td data-label={t("tokens.column.created")}>{f.dateTime(token.createdAt)}</td>
                  <td data-label={t("tokens.column.lastUsed")}>
                    {token.lastUsedAt ? (
                      <span title={f.dateTime(token.lastUsedAt)}>
                        {f.relative(token.lastUsedAt)}
                      </span>
                    ) : (
                      <span className="muted">{t("tokens.never")}</span>
                    )}
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small button-danger-text"
                      onClick={() => void revoke(token.id)}
                      aria-label={t("tokens.revokeLabel", { name: token.name })}
                    >
                      {t("tokens.revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
