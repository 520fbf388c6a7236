import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  isLightColor,
  type MantineTheme,
  parseThemeColor,
  type VariantColorsResolver,
} from "@mantine/core";

/**
 * Text on a light tint of its own colour. Plain shade 9 is not enough: teal.9 on teal.1 is 4.3:1
 * and green.9 on green.0 4.1:1. Shade 9 darkened by a fifth keeps at least 4.9:1 on shades 0 to 2
 * (the tint and its hover) for every palette colour. Yellow, orange and lime stay too light even
 * then: their text is near-black instead.
 */
function tintText(theme: MantineTheme, color: string): string {
  const shade9 = theme.colors[color]?.[9];
  if (!shade9 || ["yellow", "orange", "lime"].includes(color)) return theme.colors.dark[9];
  return darken(shade9, 0.2);
}

/**
 * Mantine's light variants (badges, light buttons) draw text in shade 6 on a tint of the same
 * colour, below WCAG AA for small text; here they get tintText on shade 0 (shade 1 on hover).
 * Filled elements get shade 9 too, with autoContrast choosing black or white text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const dark = tintText(input.theme, parsed.color);
  if (input.variant === "light") {
    return {
      ...colors,
      color: dark,
      hoverColor: dark,
      background: `var(--mantine-color-${parsed.color}-0)`,
      hover: `var(--mantine-color-${parsed.color}-1)`,
    };
  }
  if (input.variant === "subtle" || input.variant === "outline") {
    return {
      ...colors,
      color: dark,
      hoverColor: dark,
      ...(input.variant === "outline" ? { border: `1px solid ${dark}` } : {}),
    };
  }
  return colors;
};

/** Calm, high-contrast colours: the owner reads this dashboard, not a developer. */
export const theme = createTheme({
  primaryColor: "teal",
  // White text on teal.8 is about 3.9:1; teal.9 is about 5:1 (WCAG AA needs 4.5:1).
  primaryShade: { light: 9, dark: 6 },
  autoContrast: true,
  variantColorResolver,
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontWeight: "650" },
});

/**
 * The colour variables behind components that do not ask the variant resolver: the active
 * NavLink reads --mantine-primary-color-light(-hover/-color), by default teal.9 on teal.1/teal.2
 * (4.3:1 and 3.8:1). They get the same tints and text as the light variant above.
 * Filled hover: Mantine lightens shade 9 to shade 8 (white on teal.8 is 3.9:1); colours with white
 * text darken instead, colours with black text (green, lime, yellow, orange) keep shade 8.
 */
function colorVariables(theme: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === "dark") continue;
    variables[`--mantine-color-${name}-light`] = `var(--mantine-color-${name}-0)`;
    variables[`--mantine-color-${name}-light-hover`] = `var(--mantine-color-${name}-1)`;
    variables[`--mantine-color-${name}-light-color`] = tintText(theme, name);
    if (!isLightColor(shades[9], theme.luminanceThreshold)) {
      variables[`--mantine-color-${name}-filled-hover`] = darken(shades[9], 0.1);
    }
  }
  return variables;
}

/**
 * Mantine's default "dimmed" grey (gray.6 on white) is about 3.3:1, below WCAG AA for body text;
 * gray.7 keeps the quieter look at about 8:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)", ...colorVariables(resolved) },
  dark: {},
});
