/** The library feature's door. */
export { LibraryScreen } from './components/LibraryScreen/LibraryScreen';
export { useLibrary } from './hooks/useLibrary';
export { findItem } from './model/find';
