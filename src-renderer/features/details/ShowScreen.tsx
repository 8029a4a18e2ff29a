
/** Issue 13: this screen is being built. */
export function ShowScreen(_props: { id: string }) {
  return <section className="screen" aria-label="ShowScreen" />;
}
