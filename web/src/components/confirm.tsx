import { Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { useTranslation } from "react-i18next";

export interface ConfirmOptions {
  /** The dialog's heading: the action as a question's subject ("Sleutel intrekken"). */
  title: string;
  /** What will happen, in a sentence. */
  body: string;
  /** The confirming button says what it does ("Intrekken"), never just "OK". */
  confirmLabel: string;
  /** Red confirming button, for what cannot be undone. */
  danger?: boolean;
}

/**
 * Where the focus goes back to when the dialog closes. Mantine gives it back to the element that
 * had it, but an action chosen from a menu leaves from a menu item that is gone by then: use the
 * button that opened the menu.
 */
function openerOf(active: Element | null): HTMLElement | null {
  const menu = active?.closest('[role="menu"]');
  const opener = menu?.id ? document.querySelector(`[aria-controls="${CSS.escape(menu.id)}"]`) : active;
  return opener instanceof HTMLElement ? opener : null;
}

/**
 * Asks before an action in a Mantine dialog in the app's language (instead of `window.confirm`,
 * whose buttons follow the browser's language and which cannot be styled). Resolves to whether
 * the person confirmed. Needs `ModalsProvider` (main.tsx).
 */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const { t } = useTranslation();
  return (options) =>
    new Promise((resolve) => {
      const opener = openerOf(document.activeElement);
      modals.openConfirmModal({
        title: options.title,
        children: <Text size="sm">{options.body}</Text>,
        labels: { confirm: options.confirmLabel, cancel: t("common:cancel") },
        confirmProps: options.danger ? { color: "red" } : {},
        cancelProps: { "data-autofocus": true },
        returnFocus: false,
        onConfirm: () => resolve(true),
        onClose: () => {
          resolve(false);
          if (opener?.isConnected) setTimeout(() => opener.focus(), 0);
        },
      });
    });
}
