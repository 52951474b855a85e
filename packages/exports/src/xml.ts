// everything but the characters XML 1.0 allows (C0 controls, U+FFFE/FFFF, lone surrogates)
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML cannot hold. */
export function withoutNonXml(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text safe inside an XML element or a double-quoted attribute; unwritable characters dropped. */
export function escapeXml(text: string): string {
  return withoutNonXml(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
