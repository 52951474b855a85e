import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { describeError } from "../api/errors";
import { useT } from "../i18n";
import { Notice } from "./states";

type DialogProps = {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** "wide" for content that needs the room, such as a diff. */
  size?: "normal" | "wide";
};

/** A modal on the native <dialog>: focus is trapped and Escape closes it. */
export function Dialog({
  open,
  title,
  description,
  onClose,
  children,
  size = "normal",
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={size === "wide" ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="dialog-body">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description ? <div className="dialog-description">{description}</div> : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

type FormDialogProps = Omit<DialogProps, "children"> & {
  submitLabel: string;
  tone?: "primary" | "danger";
  onSubmit: () => Promise<void>;
  children?: ReactNode;
};

/** A dialog with a form: shows the server's message on failure, closes on success. */
export function FormDialog({
  submitLabel,
  tone = "primary",
  onSubmit,
  children,
  ...dialog
}: FormDialogProps) {
  const t = useT("common");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (dialog.open) setError(null);
  }, [dialog.open]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
      dialog.onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog {...dialog}>
      <form className="stack" onSubmit={(event) => void handleSubmit(event)}>
        {children}
        {error ? <Notice tone="error">{describeError(error, t)}</Notice> : null}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={dialog.onClose}>
            {t("cancel")}
          </button>
          <button
            type="submit"
            className={`button ${tone === "danger" ? "button-danger" : "button-primary"}`}
            disabled={busy}
          >
            {busy ? t("working") : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
