/** The shipped instance dataset (data/instances.json, built by `npm run data`). */
import file from '../../data/instances.json';
import { datasetFromFile, type DatasetFile, type InstanceDataset } from '../model/instances';

export const dataset: InstanceDataset = datasetFromFile(file as DatasetFile);
