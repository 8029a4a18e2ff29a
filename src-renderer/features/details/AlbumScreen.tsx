
/** Issue 13: this screen is being built. */
export function AlbumScreen(_props: { id: string }) {
  return <section className="screen" aria-label="AlbumScreen" />;
}
