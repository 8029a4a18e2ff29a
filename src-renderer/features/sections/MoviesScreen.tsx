import type { RouteOf } from '../../app';
/** Issue 13: this screen is being built. */
export function MoviesScreen(_props: { route: RouteOf<'movies'> }) {
  return <section className="screen" aria-label="MoviesScreen" />;
}
