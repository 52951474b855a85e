import type { ReactNode } from "react";
import { LocaleProvider } from "../i18n";
import { useSession } from "./session";

/** The language follows the signed-in account's saved choice once the session knows it. */
export function AppLocale({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const accountLocale = session.status === "signed-in" ? (session.me.locale ?? null) : null;
  return <LocaleProvider accountLocale={accountLocale}>{children}</LocaleProvider>;
}
