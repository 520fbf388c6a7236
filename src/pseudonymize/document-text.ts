/**
 * Plain text out of the documents people want to anonymise: `.txt`, `.md`, `.csv`, `.json`,
 * `.eml` (headers decoded, quoted-printable / base64 parts decoded, via postal-mime), `.docx`
 * (mammoth) and `.pdf` (unpdf). Takes bytes, reads no files. Node-only (mammoth wants a Buffer),
 * so it is not exported from index.ts; the CLI uses it.
 */
import PostalMime, { type Address } from "postal-mime";

export type DocumentKind = "text" | "json" | "eml" | "docx" | "pdf";

export class UnsupportedDocumentError extends Error {
  override name = "UnsupportedDocumentError";
}

const BY_EXTENSION: Record<string, DocumentKind> = {
  txt: "text",
  text: "text",
  md: "text",
  markdown: "text",
  csv: "text",
  tsv: "text",
  log: "text",
  json: "json",
  eml: "eml",
  docx: "docx",
  pdf: "pdf",
};

/** The kind of document, from its file name; stdin and unknown names read as text. */
export function documentKind(fileName: string | undefined): DocumentKind {
  if (!fileName) return "text";
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return "text";
  const kind = BY_EXTENSION[ext];
  if (!kind) {
    throw new UnsupportedDocumentError(
      `.${ext} wordt niet ondersteund (wel: ${Object.keys(BY_EXTENSION)
        .map((e) => `.${e}`)
        .join(", ")})`,
    );
  }
  return kind;
}

/** The text of a document. JSON is returned as its text; the caller walks its string values. */
export async function extractDocumentText(bytes: Uint8Array, kind: DocumentKind): Promise<string> {
  switch (kind) {
    case "text":
    case "json":
      return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    case "eml":
      return emailText(bytes);
    case "docx": {
      const mammoth = (await import("mammoth")).default;
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return value.replace(/\n{3,}/g, "\n\n").trim();
    }
    case "pdf": {
      const { extractText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: true });
      return text.trim();
    }
  }
}

function addresses(list: Address[] | undefined): string {
  return (list ?? [])
    .flatMap((a) => (a.group ? a.group : [a]))
    .map((m) => (m.name ? `${m.name} <${m.address}>` : (m.address ?? "")))
    .join(", ");
}

async function emailText(bytes: Uint8Array): Promise<string> {
  const mail = await PostalMime.parse(bytes);
  const header: string[] = [];
  if (mail.from) header.push(`Van: ${addresses([mail.from])}`);
  if (mail.to?.length) header.push(`Aan: ${addresses(mail.to)}`);
  if (mail.cc?.length) header.push(`Cc: ${addresses(mail.cc)}`);
  if (mail.date) header.push(`Datum: ${mail.date}`);
  if (mail.subject) header.push(`Onderwerp: ${mail.subject}`);
  const body = mail.text ?? (mail.html ? htmlToText(mail.html) : "");
  return `${header.join("\n")}\n\n${body.trim()}\n`;
}

/** Enough HTML-to-text for a mail body that has no plain-text part. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
}
