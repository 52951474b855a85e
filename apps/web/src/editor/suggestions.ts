import {
  type SuggestionField,
  type SuggestionView,
  type WorkplanView,
  workplanFreeze,
} from "@junction/domain";
import { encodeAnchor, resolveSuggestionRange, type TextAnchor } from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../api/client";
import { type PagedList, usePagedList } from "../api/use-paged-list";
import { useServerEvent } from "../app/session";
import type { Translate } from "../i18n";
import {
  activityAround,
  type Range,
  selectionTarget,
  syncStateOf,
  textIndexAt,
  toAbsolute,
} from "./comments";

/** What a new text suggestion replaces: a range (its quote) or, with an empty quote, a caret. */
export type SuggestionTarget = { anchor: TextAnchor; activityId: string | null };

function activityIdAt(state: EditorState, pos: number): string | null {
  const id: unknown = activityAround(state.doc, pos)?.attrs.id;
  return typeof id === "string" && id !== "" ? id : null;
}

/**
 * The selection as a suggestion target: the selected text (cut at its paragraph's end, as a
 * comment's), or at a caret inside text an insertion point; null elsewhere.
 */
export function suggestionTarget(state: EditorState): SuggestionTarget | null {
  if (!state.selection.empty) {
    const target = selectionTarget(state);
    return target?.anchor ? { anchor: target.anchor, activityId: target.activityId } : null;
  }
  const sync = syncStateOf(state);
  if (!sync) return null;
  const at = textIndexAt(sync, state.selection.from);
  if (!at) return null;
  return {
    anchor: encodeAnchor(at.type, at.index, at.index),
    activityId: activityIdAt(state, state.selection.from),
  };
}

/** Where a text suggestion is now, and whether the text under it is still what it quoted. */
export type SuggestionPlace = Range & { changed: boolean };

/** Where a text suggestion's range (or insertion point) is in the document; null when gone. */
export function suggestionPlace(
  state: EditorState,
  suggestion: Pick<SuggestionView, "anchor" | "quote">,
): SuggestionPlace | null {
  const sync = syncStateOf(state);
  if (!sync || !suggestion.anchor) return null;
  const range = resolveSuggestionRange(sync.doc, suggestion.anchor);
  if (!range) return null;
  const from = toAbsolute(sync, range.type, range.from);
  const to = range.to === range.from ? from : toAbsolute(sync, range.type, range.to);
  if (from === null || to === null || to < from || to > state.doc.content.size) return null;
  return { from, to, changed: range.text !== suggestion.quote };
}

/** Whether a suggestion can no longer be applied: the server says so, or its text changed here. */
export function isOutdated(state: EditorState | null, suggestion: SuggestionView): boolean {
  if (suggestion.outdated) return true;
  if (!state || suggestion.status !== "open" || suggestion.kind !== "text") return false;
  const place = suggestionPlace(state, suggestion);
  return place === null || place.changed;
}

export function fieldLabel(t: Translate<"suggestions">, field: SuggestionField): string {
  return t(`field.${field}`);
}

/** A suggestion in words: "Replace “a” with “b”", "Delete “a”", "Insert “b”", "Budget: a → b". */
export function describeSuggestion(
  t: Translate<"suggestions">,
  suggestion: Pick<SuggestionView, "kind" | "field" | "quote" | "text">,
): string {
  if (suggestion.kind === "field") {
    return t("describe.field", {
      field: suggestion.field ? fieldLabel(t, suggestion.field) : t("field.unknown"),
      from: suggestion.quote || t("notSet"),
      to: suggestion.text || t("notSet"),
    });
  }
  if (suggestion.quote === "") return t("describe.insert", { text: suggestion.text });
  if (suggestion.text === "") return t("describe.delete", { quote: suggestion.quote });
  return t("describe.replace", { quote: suggestion.quote, text: suggestion.text });
}

/** The author as a tooltip names them: "Mariam Chikovani (GAMR)". */
export function authorLabel(
  t: Translate<"suggestions">,
  suggestion: Pick<SuggestionView, "authorName" | "authorOrganisation">,
): string {
  return suggestion.authorOrganisation
    ? t("author", { name: suggestion.authorName, organisation: suggestion.authorOrganisation })
    : suggestion.authorName;
}

/** Why nobody may suggest changes to a workplan any more; null while they may. */
export function suggestionsClosedNotice(
  t: Translate<"suggestions">,
  workplan: Pick<WorkplanView, "stage" | "archived">,
): string | null {
  switch (workplanFreeze(workplan)) {
    case "archived":
      return t("closed.archived");
    case "adopted":
      return t("closed.adopted");
    case null:
      return null;
  }
}

export type EditingMode = "editing" | "suggesting";

function modeKey(workplanId: string): string {
  return `junction:editing-mode:${workplanId}`;
}

/** An editor's choice between editing and suggesting, remembered per workplan on this device. */
export function useEditingMode(workplanId: string): [EditingMode, (mode: EditingMode) => void] {
  const [mode, setModeState] = useState<EditingMode>(() => readMode(workplanId));
  useEffect(() => setModeState(readMode(workplanId)), [workplanId]);
  const setMode = useCallback(
    (next: EditingMode) => {
      setModeState(next);
      try {
        localStorage.setItem(modeKey(workplanId), next);
      } catch {
        // storage full or refused: the choice holds for this page only
      }
    },
    [workplanId],
  );
  return [mode, setMode];
}

function readMode(workplanId: string): EditingMode {
  try {
    return localStorage.getItem(modeKey(workplanId)) === "suggesting" ? "suggesting" : "editing";
  } catch {
    return "editing";
  }
}

type MarksState = {
  suggestions: readonly SuggestionView[];
  activeId: string | null;
  /** The tooltip of a suggestion's marks, in the reader's language. */
  describe: (suggestion: SuggestionView) => string;
};
type MarksMeta = Partial<MarksState>;
type MarksPluginState = { decorations: DecorationSet } & MarksState;

const suggestionMarksKey = new PluginKey<MarksPluginState>("suggestionMarks");

function insertedText(suggestion: SuggestionView, title: string, active: boolean): () => Node {
  return () => {
    const element = document.createElement("ins");
    element.className = active ? "suggestion-insert is-active" : "suggestion-insert";
    element.textContent = suggestion.text;
    element.title = title;
    element.contentEditable = "false";
    element.dataset.suggestionId = suggestion.id;
    element.style.setProperty("--suggestion-color", suggestion.authorColor);
    return element;
  };
}

function decorateSuggestions(state: EditorState, marks: MarksState): DecorationSet {
  const decorations: Decoration[] = [];
  for (const suggestion of marks.suggestions) {
    if (suggestion.status !== "open" || suggestion.kind !== "text" || suggestion.outdated) continue;
    const place = suggestionPlace(state, suggestion);
    if (!place || place.changed) continue;
    const active = suggestion.id === marks.activeId;
    const title = marks.describe(suggestion);
    if (place.to > place.from) {
      decorations.push(
        Decoration.inline(place.from, place.to, {
          class: active ? "suggestion-delete is-active" : "suggestion-delete",
          style: `--suggestion-color: ${suggestion.authorColor}`,
          title,
          "data-suggestion-id": suggestion.id,
        }),
      );
    }
    if (suggestion.text !== "") {
      decorations.push(
        Decoration.widget(place.to, insertedText(suggestion, title, active), {
          side: 1,
          key: `${suggestion.id}:${active ? "active" : ""}:${suggestion.text}`,
          ignoreSelection: true,
        }),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** A transaction telling the suggestion marks which suggestions there are, or which is active. */
export function suggestionMarksTransaction(state: EditorState, meta: MarksMeta) {
  return state.tr.setMeta(suggestionMarksKey, meta).setMeta("addToHistory", false);
}

/**
 * Shows each open suggestion in the text: the words it would replace struck through, the proposed
 * ones after them, in its author's colour; a click on either calls `onOpen` with its id.
 */
export const SuggestionMarks = Extension.create<{ onOpen: (suggestionId: string) => void }>({
  name: "suggestionMarks",
  addOptions: () => ({ onOpen: () => {} }),
  addProseMirrorPlugins() {
    const { onOpen } = this.options;
    return [
      new Plugin({
        key: suggestionMarksKey,
        state: {
          init: (): MarksPluginState => ({
            decorations: DecorationSet.empty,
            suggestions: [],
            activeId: null,
            describe: () => "",
          }),
          apply: (tr, value, _old, state): MarksPluginState => {
            const meta = tr.getMeta(suggestionMarksKey) as MarksMeta | undefined;
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            if (meta || sync?.isChangeOrigin) {
              const next = { ...value, ...meta };
              return { ...next, decorations: decorateSuggestions(state, next) };
            }
            if (tr.docChanged)
              return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return value;
          },
        },
        props: {
          decorations: (state) => suggestionMarksKey.getState(state)?.decorations,
          handleClick: (_view, _pos, event) => {
            const target = event.target instanceof Element ? event.target : null;
            const id = target?.closest("[data-suggestion-id]")?.getAttribute("data-suggestion-id");
            if (!id) return false;
            onOpen(id);
            return false;
          },
        },
      }),
    ];
  },
});

const DECIDED_PAGE = 20;

export type WorkplanSuggestions = {
  /** Every open suggestion of the workplan, oldest first. */
  open: readonly SuggestionView[];
  /** Accepted, rejected and withdrawn ones, a page at a time. */
  decided: PagedList<SuggestionView>;
  error: unknown;
  reload: () => void;
};

/** The workplan's suggestions, refetched whenever the server says they changed, and after a reconnect. */
export function useWorkplanSuggestions(workplanId: string): WorkplanSuggestions {
  const [open, setOpen] = useState<readonly SuggestionView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const decided = usePagedList(
    (limit, next) => api.suggestionPage(workplanId, { limit }, next),
    workplanId,
    DECIDED_PAGE,
  );
  const reloadDecided = decided.reload;
  const reload = useCallback(() => {
    setVersion((n) => n + 1);
    reloadDecided();
  }, [reloadDecided]);
  useEffect(() => {
    void version;
    let live = true;
    api.openSuggestions(workplanId).then(
      (list) => {
        if (!live) return;
        setOpen(list.filter((s) => s.status === "open"));
        setError(null);
      },
      (cause: unknown) => {
        if (live) setError(cause);
      },
    );
    return () => {
      live = false;
    };
  }, [workplanId, version]);
  useServerEvent("suggestions-changed", (event) => {
    if (event.workplanId === workplanId) reload();
  });
  useServerEvent("reconnected", () => reload());
  const decidedItems = useMemo(
    () => decided.items.filter((suggestion) => suggestion.status !== "open"),
    [decided.items],
  );
  return { open, decided: { ...decided, items: decidedItems }, error, reload };
}
