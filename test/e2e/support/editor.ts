import type { Page } from "@playwright/test";

/** The workplan's document in the editor. */
export function editorOf(page: Page) {
  return page.locator(".editor-document");
}

/** The document's text without the labels of other people's carets. */
export function documentText(page: Page): Promise<string> {
  return editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const element of copy.querySelectorAll(".collaboration-carets__caret")) element.remove();
    return copy.textContent ?? "";
  });
}
