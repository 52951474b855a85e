import { Link } from "./router";

export function NotFoundPage() {
  return (
    <section className="page page-narrow not-found">
      <p className="eyebrow">Error 404</p>
      <h1>Page not found</h1>
      <p className="muted">
        The page you asked for does not exist, or the link is incomplete. If someone shared it with
        you, ask them to check it.
      </p>
      <p>
        <Link to="/" className="button button-primary">
          Go to your networks
        </Link>
      </p>
    </section>
  );
}
