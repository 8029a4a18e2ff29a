
/** Issue 13: this screen is being built. */
export function HomeScreen() {
  return <section className="screen" aria-label="HomeScreen" />;
}
