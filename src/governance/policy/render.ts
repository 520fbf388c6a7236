/** Markdown and self-contained HTML renderings of the one-page policy. */
import type { PolicyDocument } from "./content.js";

/** Escapes Markdown syntax in user-provided text so a company name cannot turn into formatting. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

export function renderPolicyMarkdown(doc: PolicyDocument): string {
  const out: string[] = [`# ${md(doc.title)}`, "", `_${md(doc.subtitle)}_`, ""];
  for (const section of doc.sections) {
    out.push(`## ${md(section.heading)}`, "");
    for (const p of section.paragraphs) out.push(md(p), "");
    if (section.bullets.length > 0) {
      for (const bullet of section.bullets) out.push(`- ${md(bullet)}`);
      out.push("");
    }
  }
  out.push("---", "", `<small>${md(doc.footer)}</small>`, "");
  return out.join("\n");
}

function html(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Sized so the whole policy prints on one A4 sheet with the browser's default print settings.
const STYLE = `
  @page { size: A4; margin: 14mm 16mm; }
  :root { color-scheme: light; }
  body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 46rem;
         margin: 2rem auto; padding: 0 1rem; line-height: 1.4; font-size: 15px; }
  h1 { font-size: 1.6rem; margin: 0 0 .2rem; color: #0b3d5c; }
  .subtitle { margin: 0 0 1rem; color: #444; font-style: italic; }
  h2 { font-size: 1.02rem; margin: .9rem 0 .25rem; color: #0b3d5c; border-bottom: 1px solid #cfdde6; }
  p { margin: .2rem 0; }
  ul { margin: .2rem 0 .2rem 1.1rem; padding: 0; }
  li { margin: .1rem 0; }
  footer { margin-top: 1rem; font-size: .78rem; color: #555; border-top: 1px solid #ddd; padding-top: .4rem; }
  @media print {
    body { margin: 0; padding: 0; max-width: none; font-size: 9.6pt; line-height: 1.3; }
    h1 { font-size: 15pt; }
    h2 { font-size: 10.5pt; margin-top: 6pt; break-after: avoid; }
    section { break-inside: avoid; }
    footer { font-size: 7.5pt; }
  }
`;

export function renderPolicyHtml(doc: PolicyDocument): string {
  const sections = doc.sections
    .map((s) => {
      const paragraphs = s.paragraphs.map((p) => `    <p>${html(p)}</p>`).join("\n");
      const bullets =
        s.bullets.length > 0
          ? `    <ul>\n${s.bullets.map((b) => `      <li>${html(b)}</li>`).join("\n")}\n    </ul>`
          : "";
      return `  <section>\n    <h2>${html(s.heading)}</h2>\n${[paragraphs, bullets].filter(Boolean).join("\n")}\n  </section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
  <h1>${html(doc.title)}</h1>
  <p class="subtitle">${html(doc.subtitle)}</p>
${sections}
</main>
<footer>${html(doc.footer)}</footer>
</body>
</html>
`;
}
