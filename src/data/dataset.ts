/** The shipped instance dataset (data/instances.json, built by `npm run data`). */
import { datasetFile, datasetFileName, datasetFileProblem } from './dataset-file';
import { datasetFromFile, datasetFromTypes, type InstanceDataset } from '../model/instances';

function load(): { dataset: InstanceDataset; problem: string | null } {
  if (!datasetFile) return { dataset: datasetFromTypes([]), problem: datasetFileProblem };
  try {
    return { dataset: datasetFromFile(datasetFile), problem: null };
  } catch (e) {
    return { dataset: datasetFromTypes([]), problem: `${datasetFileName}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const loaded = load();
export const dataset: InstanceDataset = loaded.dataset;
/**
 * Why the page has no instance types (its dataset file could not be read or is damaged), or null. The
 * command line and the tests read the file inlined, which cannot fail this way.
 */
export const datasetProblem: string | null = loaded.problem;
