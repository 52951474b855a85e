import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const SCHEMA_DIR = fileURLToPath(new URL("../../iati/schema-2.03/", import.meta.url));
const read = (name: string) => ({
  fileName: name,
  contents: readFileSync(SCHEMA_DIR + name, "utf8"),
});

/** Validates an IATI activity file against the shipped 2.03 schema, offline (libxml2 in wasm). */
export async function validateIati(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: "export.xml", contents: xml }],
    schema: [read("iati-activities-schema.xsd")],
    preload: [read("iati-common.xsd"), read("xml.xsd")],
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.message) };
}
