
/** Issue 13: this screen is being built. */
export function SearchScreen(_props: { query: string }) {
  return <section className="screen" aria-label="SearchScreen" />;
}
