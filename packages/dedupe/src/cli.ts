// Dedupe CLI: JSON network on stdin, duplicate pairs on stdout; bad input gets one stderr line, exit 2.
import { exit, stderr, stdin, stdout } from "node:process";
import { findDuplicates } from "./find-duplicates";
import { parseDedupeInput } from "./input";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function fail(message: string): never {
  stderr.write(`${message.replace(/\s+/g, " ").trim()}\n`);
  exit(2);
}

async function main(): Promise<void> {
  const text = await readStdin();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`invalid input: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parseDedupeInput(value);
  if (!parsed.ok) fail(parsed.message);
  const pairs = findDuplicates(parsed.input);
  stdout.write(`${JSON.stringify({ pairs }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  fail(`dedupe failed: ${error instanceof Error ? error.message : String(error)}`);
});
