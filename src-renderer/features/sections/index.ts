/** The section grids' door: Movies, Shows, Music. */
export { MoviesScreen } from './MoviesScreen';
export { ShowsScreen } from './ShowsScreen';
export { MusicScreen } from './MusicScreen';
