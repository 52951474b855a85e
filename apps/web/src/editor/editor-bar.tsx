import type { Editor } from "@tiptap/core";
import type { ReactNode } from "react";
import { useT } from "../i18n";
import type { EditorPermissions } from "./editor-types";
import type { EditingMode } from "./suggestions";
import { CommentButton, ModeSwitch, SuggestButton, Toolbar } from "./toolbar";

/**
 * The sticky bar over the document: the toolbar for editors, else the read-only notice with
 * Comment and Suggest; an editor in suggesting mode gets the latter, with the mode switch.
 */
export function EditorBar({
  editor,
  permissions,
  mode,
  linkRequest,
  onComment,
  onSuggest,
  onModeChange,
  status,
}: {
  editor: Editor | null;
  permissions: EditorPermissions;
  mode: EditingMode;
  linkRequest: number;
  onComment: () => void;
  onSuggest: () => void;
  onModeChange: (mode: EditingMode) => void;
  status: ReactNode;
}) {
  const ts = useT("suggestions");
  const modeSwitch =
    permissions.canEdit && permissions.canSuggest ? (
      <ModeSwitch mode={mode} onChange={onModeChange} />
    ) : null;
  const suggesting = permissions.canEdit && mode === "suggesting";
  return (
    <div className="editor-bar">
      {permissions.canEdit && !suggesting && editor ? (
        <Toolbar
          editor={editor}
          linkRequest={linkRequest}
          onComment={onComment}
          modeSwitch={modeSwitch}
          status={status}
        />
      ) : (
        <div className="editor-readonly-bar">
          <div className="editor-readonly-notice" role="note">
            {suggesting ? ts("mode.suggestingNotice") : permissions.readOnlyNotice}
          </div>
          {modeSwitch}
          {permissions.canComment && editor ? (
            <CommentButton editor={editor} onComment={onComment} />
          ) : null}
          {permissions.canSuggest && editor ? (
            <SuggestButton editor={editor} onSuggest={onSuggest} />
          ) : null}
          {status}
        </div>
      )}
    </div>
  );
}
