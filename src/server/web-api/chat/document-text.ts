/**
 * Text out of a document for the anonymise page: docx, pdf and eml need Node libraries, so the
 * browser sends the file here and gets the text back. Nothing is stored and nothing is logged;
 * pseudonymisation happens in the browser, so the mapping never reaches the server.
 */
import { Hono } from "hono";
import { documentKind, extractDocumentText, UnsupportedDocumentError } from "../../../pseudonymize/document-text.js";
import { type WebContext, type WebEnv, webError } from "../context.js";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

function tooLarge(c: WebContext) {
  return webError(
    c,
    413,
    "document_too_large",
    c.get("language") === "en"
      ? "The document is larger than 10 MB. Split it or paste the text."
      : "Het document is groter dan 10 MB. Splits het of plak de tekst.",
  );
}

export function createDocumentTextRoute(): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.post("/text", async (c) => {
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > MAX_DOCUMENT_BYTES + 64 * 1024) return tooLarge(c);
    let file: unknown;
    try {
      file = (await c.req.parseBody())["file"];
    } catch {
      file = undefined;
    }
    if (!(file instanceof File)) {
      return webError(
        c,
        400,
        "invalid_request",
        c.get("language") === "en"
          ? "Send the document as the form field 'file'."
          : "Stuur het document mee als formulierveld 'file'.",
      );
    }
    if (file.size > MAX_DOCUMENT_BYTES) return tooLarge(c);
    try {
      const kind = documentKind(file.name);
      const text = await extractDocumentText(new Uint8Array(await file.arrayBuffer()), kind);
      return c.json({ text, kind });
    } catch (error) {
      const unsupported = error instanceof UnsupportedDocumentError;
      return webError(
        c,
        422,
        unsupported ? "unsupported_document" : "unreadable_document",
        c.get("language") === "en"
          ? unsupported
            ? "This kind of file is not supported. Use .txt, .md, .csv, .json, .eml, .docx or .pdf."
            : "The text could not be read from this document. Is it damaged, or a scan without text?"
          : unsupported
            ? "Dit soort bestand wordt niet ondersteund. Gebruik .txt, .md, .csv, .json, .eml, .docx of .pdf."
            : "De tekst kon niet uit dit document worden gehaald. Is het beschadigd, of een scan zonder tekst?",
      );
    }
  });
  return app;
}
