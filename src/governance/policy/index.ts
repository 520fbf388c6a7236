import type { Catalogue } from "../catalogue/index.js";
import type { Lang, PolicyChoices, ToolInUse } from "../model.js";
import { buildPolicy } from "./content.js";
import { renderPolicyPdf } from "./pdf.js";
import { renderPolicyHtml, renderPolicyMarkdown } from "./render.js";

export { buildPolicy, type PolicyDocument, type PolicySection, writtenDate } from "./content.js";
export { PolicyTooLongError, renderPolicyPdf } from "./pdf.js";
export { renderPolicyHtml, renderPolicyMarkdown } from "./render.js";

export type PolicyFormat = "md" | "html" | "pdf";

/** One call for the CLI and API: the policy in the requested format, as text or PDF bytes. */
export async function generatePolicy(
  choices: PolicyChoices,
  tools: readonly ToolInUse[],
  options: { format: PolicyFormat; lang: Lang; catalogue?: Catalogue },
): Promise<string | Buffer> {
  const doc = buildPolicy(choices, tools, options.lang, options.catalogue);
  if (options.format === "md") return renderPolicyMarkdown(doc);
  if (options.format === "html") return renderPolicyHtml(doc);
  return renderPolicyPdf(doc);
}
