import { createTheme } from "@mantine/core";

/**
 * Calm, high-contrast colours: the owner reads this dashboard, not a developer. The primary shade
 * is dark enough for white text to pass WCAG AA.
 */
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontWeight: "650" },
});
