import type { CreatedToken } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { formatDateTime, formatRelative } from "../../lib/format";
import { SecretValue } from "../../ui/copy-button";
import { Field } from "../../ui/field";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";

export function TokensSection() {
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
      tokens.update((list) => list.filter((t) => t.id !== tokenId));
      if (created?.id === tokenId) setCreated(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <section className="section" aria-labelledby="tokens-title">
      <div className="section-header">
        <div>
          <h2 id="tokens-title">API tokens</h2>
          <p className="muted small">
            For scripts and integrations. A token acts as you, with your roles, until you revoke it.
          </p>
        </div>
      </div>
      <form className="card inline-form" onSubmit={(event) => void create(event)}>
        <Field label="Token name" hint="What will use it, e.g. “IATI export script”.">
          <input
            className="input"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Creating…" : "Create token"}
        </button>
      </form>
      {error ? (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {error}
        </Notice>
      ) : null}
      {created ? (
        <div className="card card-highlight" role="status">
          <h3>Token “{created.name}” created</h3>
          <Notice tone="warning">
            Copy it now: this is the only time Junction shows it. Store it like a password; anyone
            holding it can act as you.
          </Notice>
          <SecretValue value={created.token} label="New API token" />
          <div className="row-end">
            <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
              I have copied it
            </button>
          </div>
        </div>
      ) : null}

      {tokens.status === "loading" ? <LoadingState label="Loading tokens…" /> : null}
      {tokens.status === "error" ? (
        <ErrorState error={tokens.error} onRetry={tokens.reload} />
      ) : null}
      {tokens.status === "ready" && tokens.data.length === 0 ? (
        <EmptyState title="No API tokens">
          <p className="muted">Create one when a script needs to read or write on your behalf.</p>
        </EmptyState>
      ) : null}
      {tokens.status === "ready" && tokens.data.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table-stack">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="cell-strong">
                    {token.name}
                  </th>
                  <td data-label="Created">{formatDateTime(token.createdAt)}</td>
                  <td data-label="Last used">
                    {token.lastUsedAt ? (
                      <span title={formatDateTime(token.lastUsedAt)}>
                        {formatRelative(token.lastUsedAt)}
                      </span>
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small button-danger-text"
                      onClick={() => void revoke(token.id)}
                      aria-label={`Revoke token ${token.name}`}
                    >
                      Revoke
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
