// The English files define the keys: a key missing or misspelt in a `t(...)` call fails the typecheck.

import type account from "./locales/en/account.json";
import type auth from "./locales/en/auth.json";
import type comments from "./locales/en/comments.json";
import type common from "./locales/en/common.json";
import type coverage from "./locales/en/coverage.json";
import type editor from "./locales/en/editor.json";
import type exports from "./locales/en/exports.json";
import type history from "./locales/en/history.json";
import type home from "./locales/en/home.json";
import type invitations from "./locales/en/invitations.json";
import type lifecycle from "./locales/en/lifecycle.json";
import type members from "./locales/en/members.json";
import type myWork from "./locales/en/my-work.json";
import type network from "./locales/en/network.json";
import type notifications from "./locales/en/notifications.json";
import type owners from "./locales/en/owners.json";
import type report from "./locales/en/report.json";
import type shell from "./locales/en/shell.json";
import type suggestions from "./locales/en/suggestions.json";
import type tasks from "./locales/en/tasks.json";
import type warnings from "./locales/en/warnings.json";
import type workplan from "./locales/en/workplan.json";

/** The message files of each locale, one per feature area (`locales/<locale>/<namespace>.json`). */
export const NAMESPACES = [
  "common",
  "shell",
  "auth",
  "account",
  "home",
  "invitations",
  "notifications",
  "network",
  "members",
  "warnings",
  "tasks",
  "my-work",
  "coverage",
  "report",
  "exports",
  "lifecycle",
  "history",
  "editor",
  "comments",
  "workplan",
  "owners",
  "suggestions",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type NamespaceMessages = {
  common: typeof common;
  shell: typeof shell;
  auth: typeof auth;
  account: typeof account;
  home: typeof home;
  invitations: typeof invitations;
  notifications: typeof notifications;
  network: typeof network;
  members: typeof members;
  warnings: typeof warnings;
  tasks: typeof tasks;
  "my-work": typeof myWork;
  coverage: typeof coverage;
  report: typeof report;
  exports: typeof exports;
  lifecycle: typeof lifecycle;
  history: typeof history;
  editor: typeof editor;
  comments: typeof comments;
  workplan: typeof workplan;
  owners: typeof owners;
  suggestions: typeof suggestions;
};

/** The keys of one namespace, as the English file has them. */
export type MessageKey<N extends Namespace> = keyof NamespaceMessages[N] & string;
