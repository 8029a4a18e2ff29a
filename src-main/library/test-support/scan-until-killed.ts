/**
 * A library process for the kill -9 test (`engine/engine.test.ts`): scans `folder` into `dataDir`,
 * printing the count of files read as it goes, so the test can kill it mid-scan.
 * Usage: node --import tsx scan-until-killed.ts DATA_DIR FOLDER
 */
import { openLibrary } from '../index.js';
import { testLibraryOptions } from './library-options.js';

const [dataDir, folder] = process.argv.slice(2) as [string, string];
const lib = openLibrary(testLibraryOptions(dataDir));
lib.addFolder(folder, 'movies');
await lib.scan({ onProgress: (p) => process.stdout.write(`parsed ${p.parsed}\n`) });
process.stdout.write('done\n');
lib.close();
