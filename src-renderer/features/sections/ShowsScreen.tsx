import type { RouteOf } from '../../app';
/** Issue 13: this screen is being built. */
export function ShowsScreen(_props: { route: RouteOf<'shows'> }) {
  return <section className="screen" aria-label="ShowsScreen" />;
}
