import { mayAddForeignContent, NARRATIVE_FIELD, removeForeignContent } from "@junction/domain/doc";
import type { UpdateGuard } from "@junction/sync";

/**
 * Only what the editor writes stays in a workplan's narrative: elements and texts, characters and
 * marks, JSON attribute values. Any Yjs update can add other content (a bare value, binary, an
 * embed, another Y type) where y-prosemirror expects elements and texts, and every browser
 * opening the workplan would fail on it: the sync server removes it in the same step, before
 * anyone else receives the update.
 */
export function withForeignContentRemoved(inner: UpdateGuard): UpdateGuard {
  return {
    concerns: (decoded, ydoc, writer) =>
      mayAddForeignContent(ydoc, decoded) || inner.concerns(decoded, ydoc, writer),
    review(ydoc, apply, writer) {
      const kept = inner.review(ydoc, apply, writer);
      let removed = 0;
      ydoc.transact(() => {
        removed = removeForeignContent(ydoc.getXmlFragment(NARRATIVE_FIELD));
      });
      if (removed === 0) return kept;
      const note = `removed ${removed} piece(s) of content the editor never writes`;
      return kept === null ? note : `${kept}; ${note}`;
    },
  };
}
