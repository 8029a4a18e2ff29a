/** The library feature's door. */
export { LibraryScreen } from './components/LibraryScreen/LibraryScreen';
export { useLibrary } from './hooks/useLibrary';
export { libraryStoreFor } from './libraryStore';
export { movieLabel, episodeCode } from './labels';
export { findItem, type Found } from './model/find';
