import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Calm, high-contrast colours: the owner reads this dashboard, not a developer. The primary shade
 * is dark enough for white text to pass WCAG AA (teal.8 is about 3.9:1, teal.9 about 5:1).
 */
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 9, dark: 6 },
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
