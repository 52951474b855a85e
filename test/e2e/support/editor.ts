import type { Page } from "@playwright/test";

/** The workplan's document in the editor. */
export function editorOf(page: Page) {
  return page.locator(".editor-document");
}

/**
 * The document's text: what people wrote, without the labels of other people's carets or the
 * cards' controls (a card mounts its full form only while it is being edited, so their text
 * comes and goes with the selection).
 */
export function documentText(page: Page): Promise<string> {
  return editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    const chrome = '.collaboration-carets__caret, [contenteditable="false"]';
    for (const element of copy.querySelectorAll(chrome)) element.remove();
    return copy.textContent ?? "";
  });
}
