import { useEffect, useState } from "react";
import { useT } from "../i18n";

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useT("common");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <button type="button" className="button button-secondary" onClick={() => void copy()}>
      <span aria-live="polite">
        {state === "copied"
          ? t("copied")
          : state === "failed"
            ? t("selectAndCopy")
            : (label ?? t("copy"))}
      </span>
    </button>
  );
}

/** A one-time secret (invitation link, API token): selectable text plus a copy button. */
export function SecretValue({ value, label }: { value: string; label: string }) {
  return (
    <div className="secret">
      <input
        className="input secret-input"
        readOnly
        value={value}
        aria-label={label}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton value={value} />
    </div>
  );
}
