import { useT } from "../i18n";
import { Link } from "./router";

export function NotFoundPage() {
  const t = useT("shell");
  return (
    <section className="page page-narrow not-found">
      <p className="eyebrow">{t("notFound.eyebrow")}</p>
      <h1>{t("notFound.title")}</h1>
      <p className="muted">{t("notFound.body")}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t("notFound.home")}
        </Link>
      </p>
    </section>
  );
}
