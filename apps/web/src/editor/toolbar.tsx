import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n";
import { Icon, type IconName } from "./icons";
import type { EditingMode } from "./suggestions";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl+";

type BlockType = "paragraph" | "h1" | "h2" | "h3";

function ToolButton({
  icon,
  label,
  shortcut,
  pressed,
  disabled,
  onClick,
  children,
}: {
  icon?: IconName;
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      className={children ? "tool-button tool-button-text" : "tool-button"}
      aria-label={children ? undefined : label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace("Ctrl+", "Control+").replace("⌘", "Meta+")}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // keep the editor's selection: the command runs on what the person had selected
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {icon ? <Icon name={icon} /> : null}
      {children}
    </button>
  );
}

/** Moves focus between toolbar controls with the arrow keys (Tab still walks through them). */
function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
  // right to left, the arrow that points to the next control is ArrowLeft
  const forward =
    getComputedStyle(event.currentTarget).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
  if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement) return;
  const controls = [
    ...event.currentTarget.querySelectorAll<HTMLElement>("button:not(:disabled), select"),
  ];
  const index = controls.indexOf(event.target as HTMLElement);
  if (index < 0) return;
  const next =
    controls[(index + (event.key === forward ? 1 : -1) + controls.length) % controls.length];
  next?.focus();
  event.preventDefault();
}

/** "Comment" on the selected text; for commenters too, whose editor is read-only. */
export function CommentButton({ editor, onComment }: { editor: Editor; onComment: () => void }) {
  const t = useT("editor");
  const hasSelection = useEditorState({
    editor,
    selector: ({ editor: e }) => !e.state.selection.empty,
  });
  return (
    <button
      type="button"
      className="button button-secondary button-small comment-button"
      title={t("toolbar.commentTitle")}
      disabled={!hasSelection}
      // keep the editor's selection: it is what the comment points at
      onMouseDown={(event) => event.preventDefault()}
      onClick={onComment}
    >
      {t("toolbar.comment")}
    </button>
  );
}

/**
 * "Suggest" new wording for the selected text, or words to insert at the cursor; for commenters
 * and for editors in suggesting mode, whose document is read-only.
 */
export function SuggestButton({ editor, onSuggest }: { editor: Editor; onSuggest: () => void }) {
  const canSuggestHere = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      !e.state.selection.empty || e.state.selection.$from.parent.inlineContent,
  });
  const ts = useT("suggestions");
  return (
    <button
      type="button"
      className="button button-secondary button-small suggest-button"
      title={ts("button.suggestTitle")}
      disabled={!canSuggestHere}
      // keep the editor's selection: it is what the suggestion replaces
      onMouseDown={(event) => event.preventDefault()}
      onClick={onSuggest}
    >
      {ts("button.suggest")}
    </button>
  );
}

/** An editor's switch between changing the text and suggesting changes to it. */
export function ModeSwitch({
  mode,
  onChange,
}: {
  mode: EditingMode;
  onChange: (mode: EditingMode) => void;
}) {
  const ts = useT("suggestions");
  const name = useId();
  const option = (value: EditingMode, label: string, title: string) => (
    <label className={mode === value ? "mode-option is-checked" : "mode-option"} title={title}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={mode === value}
        onChange={() => onChange(value)}
      />
      {label}
    </label>
  );
  return (
    <div className="mode-switch" role="radiogroup" aria-label={ts("mode.label")}>
      {option("editing", ts("mode.editing"), ts("mode.editingTitle"))}
      {option("suggesting", ts("mode.suggesting"), ts("mode.suggestingTitle"))}
    </div>
  );
}

export function Toolbar({
  editor,
  linkRequest,
  onComment,
  modeSwitch,
  status,
}: {
  editor: Editor;
  linkRequest: number;
  onComment: () => void;
  /** The editing/suggesting switch, for those who may suggest. */
  modeSwitch: ReactNode;
  /** The connection state, kept in view with the toolbar while the page scrolls. */
  status: ReactNode;
}) {
  const t = useT("editor");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      inActivity: e.isActive("activity"),
      block: (e.isActive("heading", { level: 1 })
        ? "h1"
        : e.isActive("heading", { level: 2 })
          ? "h2"
          : e.isActive("heading", { level: 3 })
            ? "h3"
            : "paragraph") as BlockType,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      href: String(e.getAttributes("link").href ?? ""),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const blockSelectId = useId();

  useEffect(() => {
    if (linkRequest > 0) setLinkOpen(true);
  }, [linkRequest]);

  const chain = () => editor.chain().focus();
  const setBlock = (value: BlockType) => {
    if (value === "paragraph") chain().setParagraph().run();
    else
      chain()
        .setHeading({ level: Number(value.slice(1)) as 1 | 2 | 3 })
        .run();
  };

  return (
    <div className="editor-toolbar-wrap">
      <div className="editor-toolbar-row">
        <div
          className="editor-toolbar"
          role="toolbar"
          aria-label={t("toolbar.label")}
          onKeyDown={onToolbarKeyDown}
        >
          <div className="tool-group">
            <ToolButton
              icon="undo"
              label={t("toolbar.undo")}
              shortcut={`${MOD}Z`}
              disabled={!state.canUndo}
              onClick={() => chain().undo().run()}
            />
            <ToolButton
              icon="redo"
              label={t("toolbar.redo")}
              shortcut={isMac ? "⌘⇧Z" : "Ctrl+Shift+Z"}
              disabled={!state.canRedo}
              onClick={() => chain().redo().run()}
            />
          </div>
          <div className="tool-group">
            <label htmlFor={blockSelectId} className="visually-hidden">
              {t("toolbar.textStyle")}
            </label>
            <select
              id={blockSelectId}
              className="tool-select"
              value={state.block}
              disabled={state.inActivity}
              onChange={(event) => setBlock(event.target.value as BlockType)}
            >
              <option value="paragraph">{t("toolbar.paragraph")}</option>
              <option value="h1">{t("toolbar.heading", { level: 1 })}</option>
              <option value="h2">{t("toolbar.heading", { level: 2 })}</option>
              <option value="h3">{t("toolbar.heading", { level: 3 })}</option>
            </select>
          </div>
          <div className="tool-group">
            <ToolButton
              icon="bold"
              label={t("toolbar.bold")}
              shortcut={`${MOD}B`}
              pressed={state.bold}
              onClick={() => chain().toggleBold().run()}
            />
            <ToolButton
              icon="italic"
              label={t("toolbar.italic")}
              shortcut={`${MOD}I`}
              pressed={state.italic}
              onClick={() => chain().toggleItalic().run()}
            />
            <ToolButton
              icon="link"
              label={t("toolbar.link")}
              shortcut={`${MOD}K`}
              pressed={state.link}
              onClick={() => setLinkOpen((open) => !open)}
            />
          </div>
          <div className="tool-group">
            <ToolButton
              icon="bulletList"
              label={t("toolbar.bulletList")}
              shortcut={isMac ? "⌘⇧8" : "Ctrl+Shift+8"}
              pressed={state.bulletList}
              onClick={() => chain().toggleBulletList().run()}
            />
            <ToolButton
              icon="orderedList"
              label={t("toolbar.numberedList")}
              shortcut={isMac ? "⌘⇧7" : "Ctrl+Shift+7"}
              pressed={state.orderedList}
              onClick={() => chain().toggleOrderedList().run()}
            />
            <ToolButton
              icon="table"
              label={t("toolbar.insertTable")}
              disabled={state.inTable || state.inActivity}
              onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            />
          </div>
          {state.inTable ? (
            <div className="tool-group">
              <ToolButton label={t("toolbar.addRow")} onClick={() => chain().addRowAfter().run()}>
                {t("toolbar.addRowShort")}
              </ToolButton>
              <ToolButton
                label={t("toolbar.addColumn")}
                onClick={() => chain().addColumnAfter().run()}
              >
                {t("toolbar.addColumnShort")}
              </ToolButton>
              <ToolButton label={t("toolbar.deleteRow")} onClick={() => chain().deleteRow().run()}>
                {t("toolbar.deleteRowShort")}
              </ToolButton>
              <ToolButton
                label={t("toolbar.deleteColumn")}
                onClick={() => chain().deleteColumn().run()}
              >
                {t("toolbar.deleteColumnShort")}
              </ToolButton>
              <ToolButton
                label={t("toolbar.deleteTable")}
                onClick={() => chain().deleteTable().run()}
              >
                {t("toolbar.deleteTable")}
              </ToolButton>
            </div>
          ) : null}
          <div className="tool-group tool-group-end">
            {modeSwitch}
            <CommentButton editor={editor} onComment={onComment} />
            <button
              type="button"
              className="button button-primary button-small tool-insert"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => chain().insertActivity().run()}
              title={t("toolbar.insertActivityTitle")}
            >
              <Icon name="activity" />
              {t("toolbar.insertActivity")}
            </button>
          </div>
        </div>
        {status}
      </div>
      {linkOpen ? (
        <LinkForm
          editor={editor}
          initial={state.href}
          hasLink={state.link}
          onClose={() => setLinkOpen(false)}
        />
      ) : null}
    </div>
  );
}

function LinkForm({
  editor,
  initial,
  hasLink,
  onClose,
}: {
  editor: Editor;
  initial: string;
  hasLink: boolean;
  onClose: () => void;
}) {
  const t = useT("editor");
  const tc = useT("common");
  const [href, setHref] = useState(initial);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const value = href.trim();
    if (value === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
    } else {
      const url = /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(value) ? value : `https://${value}`;
      const { empty } = editor.state.selection;
      const chain = editor.chain().focus().extendMarkRange("link");
      if (empty && !hasLink)
        chain
          .insertContent({
            type: "text",
            text: value,
            marks: [{ type: "link", attrs: { href: url } }],
          })
          .run();
      else chain.setLink({ href: url }).run();
    }
    onClose();
  };
  return (
    <form
      className="link-form"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={inputId} className="link-form-label">
        {t("link.address")}
      </label>
      <input
        id={inputId}
        ref={input}
        className="input link-form-input"
        type="text"
        inputMode="url"
        dir="ltr"
        placeholder="https://…"
        value={href}
        onChange={(event) => setHref(event.target.value)}
      />
      <button type="submit" className="button button-primary button-small">
        {t("link.apply")}
      </button>
      {hasLink ? (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
        >
          {t("link.remove")}
        </button>
      ) : null}
      <button type="button" className="button button-ghost button-small" onClick={close}>
        {tc("cancel")}
      </button>
    </form>
  );
}
