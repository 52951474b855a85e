// For other packages' tests (the server's routes): read back what an export wrote, as this
// package's own tests do. Node only; never imported by product code.
export { docxParagraphs, parseXml, unzipText } from "./test/files";
export { validateIati } from "./test/iati-schema";
