/**
 * The page's instance dataset: data/instances.json as an asset beside the scripts (same origin, offline
 * like them), which dist/index.html preloads (vite.config.ts), so that it arrives while the scripts
 * compile instead of being compiled as a 154 KB object literal in the first chunk. The module waits for
 * it (top-level await). A failed read is not thrown: main.tsx shows `datasetFileProblem` in the page.
 */
import url from '../../data/instances.json?url';
import type { DatasetFile } from '../model/instances';

/** The file, as messages name it. */
export const datasetFileName = url.replace(/^.*\//, '');

async function read(): Promise<{ file: DatasetFile | null; problem: string | null }> {
  try {
    const response = await fetch(url);
    if (!response.ok) return { file: null, problem: `${datasetFileName}: HTTP ${response.status} ${response.statusText}`.trim() };
    return { file: (await response.json()) as DatasetFile, problem: null };
  } catch (e) {
    return { file: null, problem: `${datasetFileName}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const result = await read();
export const datasetFile: DatasetFile | null = result.file;
export const datasetFileProblem: string | null = result.problem;
