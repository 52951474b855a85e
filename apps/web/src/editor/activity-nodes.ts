import {
  ACTIVITY_ATTRIBUTES,
  ACTIVITY_DESCRIPTION_NODE,
  ACTIVITY_NODE,
  ACTIVITY_TITLE_NODE,
  type ActivityAttribute,
} from "@junction/domain/doc";
import { type Attribute, Extension, mergeAttributes, Node } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { newActivityId } from "./activity-id";
import { ActivityView } from "./activity-view";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    activity: {
      /** Inserts an empty activity after the block holding the selection (or in place of an empty paragraph). */
      insertActivity: () => ReturnType;
    };
  }
}

function dataAttribute(name: ActivityAttribute): string {
  return `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

// null defaults: y-tiptap writes any attribute whose value differs from the Y.XmlElement's, so a
// default like [] would be written on every edit of the block and could race a teammate's change
function activityAttribute(name: ActivityAttribute): Attribute {
  return {
    default: null,
    parseHTML: (element) => parseJson(element.getAttribute(dataAttribute(name))),
    renderHTML: (attributes) => {
      const value: unknown = attributes[name];
      return value === null || value === undefined
        ? {}
        : { [dataAttribute(name)]: JSON.stringify(value) };
    },
  };
}

export type ActivityNodeOptions = {
  /** Told the id of each activity this person inserts (its card opens expanded). */
  onInsert: (activityId: string) => void;
};

// the title is all a card shows of its content: typing in a description re-renders nothing
function sameForCard(a: ProseMirrorNode, b: ProseMirrorNode): boolean {
  return (
    a.attrs === b.attrs ||
    (sameAttrs(a.attrs, b.attrs) && a.firstChild?.textContent === b.firstChild?.textContent)
  );
}

function sameAttrs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return ACTIVITY_ATTRIBUTES.every((name) => a[name] === b[name]);
}

/** One activity: structured fields as node attributes (one per field), title and description as content. */
export const ActivityNode = Node.create<ActivityNodeOptions>({
  name: ACTIVITY_NODE,
  group: "block",
  content: `${ACTIVITY_TITLE_NODE} ${ACTIVITY_DESCRIPTION_NODE}`,
  defining: true,
  isolating: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { onInsert: () => {} };
  },

  addAttributes() {
    return Object.fromEntries(ACTIVITY_ATTRIBUTES.map((name) => [name, activityAttribute(name)]));
  },

  parseHTML() {
    return [{ tag: "section[data-activity]", priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["section", mergeAttributes(HTMLAttributes, { "data-activity": "" }), 0];
  },

  addNodeView() {
    return ReactNodeViewRenderer(ActivityView, {
      as: "section",
      className: "activity-node",
      update: ({ oldNode, newNode, updateProps }) => {
        if (!sameForCard(oldNode, newNode)) updateProps();
        return true;
      },
    });
  },

  addCommands() {
    return {
      insertActivity:
        () =>
        ({ state, chain }) => {
          const { $from } = state.selection;
          let from = state.selection.to;
          let to = from;
          if ($from.depth >= 1) {
            const block = $from.node(1);
            const replaceEmpty = block.type.name === "paragraph" && block.content.size === 0;
            from = replaceEmpty ? $from.before(1) : $from.after(1);
            to = replaceEmpty ? $from.after(1) : from;
          }
          const after = state.doc.resolve(to).nodeAfter;
          const id = newActivityId();
          this.options.onInsert(id);
          const content = [
            {
              type: ACTIVITY_NODE,
              attrs: { id, status: "planned" },
              content: [
                { type: ACTIVITY_TITLE_NODE },
                { type: ACTIVITY_DESCRIPTION_NODE, content: [{ type: "paragraph" }] },
              ],
            },
            ...(after?.type.name === "paragraph" ? [] : [{ type: "paragraph" }]),
          ];
          return chain()
            .insertContentAt({ from, to }, content)
            .setTextSelection(from + 2)
            .scrollIntoView()
            .run();
        },
    };
  },
});

export const ActivityTitle = Node.create({
  name: ACTIVITY_TITLE_NODE,
  content: "text*",
  marks: "",
  defining: true,

  parseHTML() {
    // above the heading's plain h3 rule, so a pasted activity keeps its title
    return [{ tag: "h3[data-activity-title]", priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      "h3",
      mergeAttributes(HTMLAttributes, { "data-activity-title": "", class: "activity-title" }),
      0,
    ];
  },

  addKeyboardShortcuts() {
    return {
      // a title is one line: Enter moves on to the description
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== ACTIVITY_TITLE_NODE) return false;
        return editor.commands.setTextSelection($from.after() + 2);
      },
    };
  },
});

export const ActivityDescription = Node.create({
  name: ACTIVITY_DESCRIPTION_NODE,
  content: "paragraph+",
  defining: true,

  parseHTML() {
    return [{ tag: "div[data-activity-description]", priority: 100 }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      "div",
      mergeAttributes(HTMLAttributes, {
        "data-activity-description": "",
        class: "activity-description",
      }),
      0,
    ];
  },
});

/**
 * `dir="auto"` on every block people type in (paragraphs, headings, activity titles): each reads
 * in the direction of its own text, an English title in the Arabic interface left to right.
 * Rendered only, never stored: the attribute stays null, so nothing is written to the document.
 */
export const OwnDirection = Extension.create({
  name: "ownDirection",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading", ACTIVITY_TITLE_NODE],
        attributes: {
          ownDirection: {
            default: null,
            parseHTML: () => null,
            renderHTML: () => ({ dir: "auto" }),
          },
        },
      },
    ];
  },
});
