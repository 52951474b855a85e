import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/**
 * Tells React the document is not a text field it must keep the caret of. Before every commit
 * React reads the caret of a focused contenteditable by walking its whole DOM (react-dom's
 * getSelectionInformation), to put it back if the commit moved focus: with the caret in a plan of
 * 300 activities that is 24,000 nodes per re-render, typing included. React never re-mounts the
 * document and ProseMirror restores its own selection, so the walk buys nothing here.
 */
export const ReactSelectionOptOut = Extension.create({
  name: "reactSelectionOptOut",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("reactSelectionOptOut"),
        view(view) {
          optOut(view.dom);
          return {};
        },
      }),
    ];
  },
});

// React asks `element.contentEditable === "true"`; the attribute, which the browser, assistive
// technology and ProseMirror read, stays as it is
function optOut(dom: HTMLElement): void {
  Object.defineProperty(dom, "contentEditable", {
    configurable: true,
    get: () => "inherit",
    set: (value: string) => dom.setAttribute("contenteditable", value),
  });
}
