import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Element, type Document as XmlDocument } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";

/** The files of a zip package (.docx, .xlsx) as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** Parses XML as strictly as Word or Excel would: xmldom alone lets control characters through. */
export function parseXml(xml: string): XmlDocument {
  const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (forbidden)
    throw new Error(`not well-formed XML: U+${forbidden[0].codePointAt(0)?.toString(16)}`);
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

export function elements(root: XmlDocument | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name));
}

/** The first element of that name inside root; a test that expects one fails without it. */
export function child(root: XmlDocument | Element, name: string): Element {
  const found = elements(root, name)[0];
  if (!found) throw new Error(`no <${name}> found`);
  return found;
}

/** The text of each paragraph of a WordprocessingML document, in order; tabs and breaks kept. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const document = parseXml(unzipText(bytes)["word/document.xml"] ?? "");
  return elements(document, "w:p").map((p) =>
    elements(p, "w:r")
      .flatMap((r) => Array.from(r.childNodes))
      .map((node) => {
        if (node.nodeName === "w:t") return node.textContent ?? "";
        if (node.nodeName === "w:tab") return "\t";
        if (node.nodeName === "w:br") return "\n";
        return "";
      })
      .join(""),
  );
}

export const SOFFICE = ["soffice", "libreoffice"].find(
  (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0,
);

export const NO_LIBREOFFICE =
  "LibreOffice is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)";

/** Converts a file with LibreOffice (headless) and answers the converted file's text. */
export function convertWithLibreOffice(bytes: Uint8Array, extension: string, to: string): string {
  if (!SOFFICE) throw new Error("LibreOffice is not installed");
  const dir = mkdtempSync(join(tmpdir(), "junction-lo-"));
  try {
    const input = join(dir, `export.${extension}`);
    writeFileSync(input, bytes);
    // a profile of its own, so a LibreOffice the user has open does not take the job
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        dir,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const outName = `export.${to.split(":")[0]}`;
    return readFileSync(join(dir, outName), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
