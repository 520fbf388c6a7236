import type { AppRoute, NavItem } from "../../app-routes";
import { AnonymisePage } from "./AnonymisePage";
import { ChatPage } from "./ChatPage";

export const routes: AppRoute[] = [
  { path: "chat", element: <ChatPage /> },
  { path: "anonymise", element: <AnonymisePage /> },
];

export const nav: NavItem[] = [
  { path: "/chat", label: "chat:nav.chat", group: "work", order: 10 },
  { path: "/anonymise", label: "chat:nav.anonymise", group: "work", order: 20 },
];
