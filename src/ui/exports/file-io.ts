/**
 * The exports' side effects, kept small and testable: text to the clipboard, a Blob to a download
 * (object URL, revoked after the click), and a dropped or picked file to text with a size cap.
 */
import { megabytes } from '../common/format';

/** Largest file read (bytes): the AWS CLI output of a few thousand subnets fits. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Saves a Blob under a file name: a temporary link to an object URL, clicked, then the URL revoked. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Some browsers start the download after the click returns: revoke once it has begun.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Saves text (UTF-8) under a file name with its media type. */
export function downloadText(text: string, fileName: string, mediaType: string): void {
  downloadBlob(new Blob([text], { type: `${mediaType};charset=utf-8` }), fileName);
}

export type FileRead = { ok: true; name: string; text: string } | { ok: false; name: string; error: string };

/** A file's text, refused before reading when it is over the cap. Never throws. */
export async function readFileText(file: File, maxBytes = MAX_FILE_BYTES): Promise<FileRead> {
  const name = file.name || 'the file';
  if (file.size > maxBytes)
    return {
      ok: false,
      name,
      error: `${name}: the file is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}`,
    };
  try {
    return { ok: true, name, text: await file.text() };
  } catch (e) {
    return { ok: false, name, error: `${name}: could not read it (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A file name from free text (a plan name): letters, digits, dots, dashes; never empty. */
export function fileSlug(name: string, fallback = 'eks-ip-plan'): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return s || fallback;
}
