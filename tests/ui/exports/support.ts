/** Shared by the export/import panel tests: what jsdom lacks (Blob.text, object URLs) and the AWS fixtures. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

/** jsdom's Blob has no text(): read it with FileReader, as browsers did before. */
export function polyfillBlobText(): void {
  if (typeof Blob.prototype.text === 'function') return;
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as string);
      r.onerror = () => reject(r.error);
      r.readAsText(this);
    });
  };
}

export interface Downloads {
  /** Every download: the file name and the Blob behind its object URL. */
  saved: { fileName: string; blob: Blob; url: string }[];
  revoked: string[];
  restore(): void;
}

/** Replaces object URLs and link clicks with a record of what would have been saved. */
export function captureDownloads(): Downloads {
  const blobs = new Map<string, Blob>();
  const saved: Downloads['saved'] = [];
  const revoked: string[] = [];
  let n = 0;
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b as Blob);
    return url;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const url = this.getAttribute('href')!;
    saved.push({ fileName: this.download, blob: blobs.get(url)!, url });
  });
  return { saved, revoked, restore: () => [create, revoke, click].forEach((s) => s.mockRestore()) };
}

// Under jsdom, import.meta.url is not a file URL everywhere: resolve from this file's path instead.
const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string): string => readFileSync(join(here, '../../fixtures/aws', name), 'utf8');
