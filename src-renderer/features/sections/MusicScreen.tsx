import type { RouteOf } from '../../app';
/** Issue 13: this screen is being built. */
export function MusicScreen(_props: { route: RouteOf<'music'> }) {
  return <section className="screen" aria-label="MusicScreen" />;
}
