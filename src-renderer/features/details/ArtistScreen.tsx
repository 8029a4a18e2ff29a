
/** Issue 13: this screen is being built. */
export function ArtistScreen(_props: { id: string }) {
  return <section className="screen" aria-label="ArtistScreen" />;
}
