import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from "@mantine/core";

/**
 * Mantine's light variants (badges, active navigation, light buttons) draw text in shade 6 on a
 * tint of the same colour, below WCAG AA for small text; shade 9 on shade 0 passes for every
 * palette colour.
 * Filled elements get shade 9 too, with autoContrast choosing black or white text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  // Yellow, orange and lime stay too light even at shade 9: their text is near-black instead.
  const dark = ["yellow", "orange", "lime"].includes(parsed.color)
    ? "var(--mantine-color-dark-9)"
    : `var(--mantine-color-${parsed.color}-9)`;
  if (input.variant === "light") {
    // The lightest tint keeps shade-9 text above 4.5:1 even for the greens and teals.
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
 * Mantine's default "dimmed" grey (gray.6 on white) is about 3.3:1, below WCAG AA for body text;
 * gray.7 keeps the quieter look at about 8:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});
