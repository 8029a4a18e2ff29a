
/** Issue 13: this screen is being built. */
export function ItemScreen(_props: { id: string }) {
  return <section className="screen" aria-label="ItemScreen" />;
}
