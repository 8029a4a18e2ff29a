/** The pages of one thing: a movie, episode or track; a show; an album; an artist. */
export { ItemScreen } from './ItemScreen';
export { ShowScreen } from './ShowScreen';
export { AlbumScreen } from './AlbumScreen';
export { ArtistScreen } from './ArtistScreen';
