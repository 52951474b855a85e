import type { Editor } from "@tiptap/core";
import type { ReactNode } from "react";
import type { EditorPermissions } from "./editor-types";
import { CommentButton, Toolbar } from "./toolbar";

/** The sticky bar over the document: the toolbar for editors, else the read-only notice. */
export function EditorBar({
  editor,
  permissions,
  linkRequest,
  onComment,
  status,
}: {
  editor: Editor | null;
  permissions: EditorPermissions;
  linkRequest: number;
  onComment: () => void;
  status: ReactNode;
}) {
  return (
    <div className="editor-bar">
      {permissions.canEdit && editor ? (
        <Toolbar editor={editor} linkRequest={linkRequest} onComment={onComment} status={status} />
      ) : (
        <div className="editor-readonly-bar">
          <div className="editor-readonly-notice" role="note">
            {permissions.readOnlyNotice}
          </div>
          {permissions.canComment && editor ? (
            <CommentButton editor={editor} onComment={onComment} />
          ) : null}
          {status}
        </div>
      )}
    </div>
  );
}
