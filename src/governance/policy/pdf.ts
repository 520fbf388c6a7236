/**
 * PDF rendering of the one-page policy with pdfkit and its built-in Helvetica. The promise is one
 * A4 page, so the layout is measured first and the font size is reduced step by step until it fits;
 * a policy that does not fit even at the smallest readable size is refused with a clear message
 * instead of silently spilling onto a second page.
 */
import PDFDocument from "pdfkit";
import type { PolicyDocument } from "./content.js";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const AVAILABLE_HEIGHT = A4[1] - 2 * MARGIN;
const LARGEST = 10.5;
const SMALLEST = 6.5;
const BULLET_INDENT = 11;
const ACCENT = "#0b3d5c";

export class PolicyTooLongError extends Error {
  constructor() {
    super(
      "Het beleid past niet op één A4; maak de extra regels korter (the policy does not fit on one A4 page; shorten the extra lines).",
    );
    this.name = "PolicyTooLongError";
  }
}

type Doc = PDFKit.PDFDocument;

/** Lays the document out at `size`; draws only when `draw` is true. Returns the height used. */
function layout(doc: Doc, policy: PolicyDocument, size: number, draw: boolean): number {
  let y = MARGIN;
  const lineGap = size * 0.18;
  const block = (text: string, font: string, fontSize: number, x: number, width: number, color = "#1a1a1a") => {
    doc.font(font).fontSize(fontSize);
    const height = doc.heightOfString(text, { width, lineGap });
    if (draw) doc.fillColor(color).text(text, x, y, { width, lineGap });
    y += height;
  };
  block(policy.title, "Helvetica-Bold", size * 1.65, MARGIN, CONTENT_WIDTH, ACCENT);
  y += size * 0.2;
  block(policy.subtitle, "Helvetica-Oblique", size * 0.95, MARGIN, CONTENT_WIDTH, "#444444");
  for (const section of policy.sections) {
    y += size * 0.75;
    block(section.heading, "Helvetica-Bold", size * 1.12, MARGIN, CONTENT_WIDTH, ACCENT);
    if (draw) {
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + CONTENT_WIDTH, y)
        .lineWidth(0.5)
        .strokeColor("#cfdde6")
        .stroke();
    }
    y += size * 0.25;
    for (const p of section.paragraphs) {
      block(p, "Helvetica", size, MARGIN, CONTENT_WIDTH);
      y += size * 0.15;
    }
    for (const bullet of section.bullets) {
      if (draw)
        doc
          .font("Helvetica")
          .fontSize(size)
          .fillColor(ACCENT)
          .text("•", MARGIN + 2, y, { lineBreak: false });
      block(bullet, "Helvetica", size, MARGIN + BULLET_INDENT, CONTENT_WIDTH - BULLET_INDENT);
      y += size * 0.12;
    }
  }
  y += size * 0.9;
  if (draw) {
    doc
      .moveTo(MARGIN, y - size * 0.4)
      .lineTo(MARGIN + CONTENT_WIDTH, y - size * 0.4)
      .lineWidth(0.5)
      .strokeColor("#dddddd")
      .stroke();
  }
  block(policy.footer, "Helvetica", size * 0.78, MARGIN, CONTENT_WIDTH, "#555555");
  return y - MARGIN;
}

/** The largest font size at which the policy fits on one A4 page. */
function fittingSize(doc: Doc, policy: PolicyDocument): number {
  for (let size = LARGEST; size >= SMALLEST; size -= 0.25) {
    if (layout(doc, policy, size, false) <= AVAILABLE_HEIGHT) return size;
  }
  throw new PolicyTooLongError();
}

export function renderPolicyPdf(policy: PolicyDocument): Promise<Buffer> {
  // Margins of zero stop pdfkit from adding a page on its own; the layout keeps its own margins.
  const doc = new PDFDocument({
    size: A4,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    info: { Title: policy.title, Creator: "Poortwachter" },
    lang: policy.lang,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  try {
    const size = fittingSize(doc, policy);
    layout(doc, policy, size, true);
  } catch (error) {
    doc.end();
    return done.then(() => Promise.reject(error));
  }
  doc.end();
  return done;
}
