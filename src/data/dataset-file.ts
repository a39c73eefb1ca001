/**
 * The instance dataset's file (data/instances.json) as the command line and the tests read it: inlined.
 * The page reads it as a file beside its scripts instead (dataset-file.browser.ts, chosen by vite.config.ts).
 */
import file from '../../data/instances.json';
import type { DatasetFile } from '../model/instances';

export const datasetFile: DatasetFile | null = file as DatasetFile;
/** The file, as messages name it. */
export const datasetFileName = 'data/instances.json';
/** Why the file could not be read (the page's version only); null when it was. */
export const datasetFileProblem: string | null = null;
