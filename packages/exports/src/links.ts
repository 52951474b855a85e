/** Only links a reader can follow safely become links in a file; anything else stays text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim());
}
