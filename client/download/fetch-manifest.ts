import { checkContentManifest, type ContentManifest } from '../../core/formats/content-manifest';
import { windowsNameProblem } from '../../core/formats/windows-names';
import { AttemptError, DownloadError } from './download-error';
import { contentUrl, get, readBody, reasonOf } from './http-get';

/** A manifest of a few hundred thousand files is a few tens of MB; anything larger is not one. */
export const defaultMaxManifestBytes = 64 * 1024 * 1024;

export interface FetchedManifest {
  readonly manifest: ContentManifest;
  /** Which of the URLs gave it (its index), where the download starts. */
  readonly source: number;
}

/**
 * GET of each content URL in turn until one answers a manifest that passes the same checks the
 * site applies (no path leaving the root, totals that add up); why each failed is in the error.
 */
export async function fetchManifest(urls: readonly string[], options: { readonly signal?: AbortSignal; readonly idleTimeoutMs?: number; readonly maxBytes?: number } = {}): Promise<FetchedManifest> {
  if (urls.length === 0) throw new DownloadError('BAD_URL', 'urls is empty: there is no distribution point to download from.');
  const parsed = urls.map((url, i) => contentUrl(url, `urls[${i}]`));
  const signal = options.signal ?? new AbortController().signal;
  const reasons: string[] = [];
  for (const [i, url] of parsed.entries()) {
    if (signal.aborted) throw new DownloadError('ABORTED', 'The download was cancelled.');
    try {
      const response = await get(url, {}, signal, options.idleTimeoutMs ?? 60_000);
      if (response.statusCode !== 200) {
        response.resume();
        throw new AttemptError(`HTTP ${response.statusCode}`, false);
      }
      const body = await readBody(response, options.maxBytes ?? defaultMaxManifestBytes);
      let value: unknown;
      try {
        value = JSON.parse(body.toString('utf8'));
      } catch {
        throw new AttemptError('it is not a content manifest Courier can read: it is not whole JSON', false);
      }
      const checked = checkContentManifest(value);
      if ('problem' in checked) throw new AttemptError(`it is not a content manifest Courier can read: ${checked.problem}`, false);
      const badName = windowsNameOf(checked.manifest);
      if (badName !== null) throw new AttemptError(`it is not a content manifest Courier can read: ${badName}`, false);
      return { manifest: checked.manifest, source: i };
    } catch (error) {
      if (signal.aborted) throw new DownloadError('ABORTED', 'The download was cancelled.');
      reasons.push(`${url.href}: ${reasonOf(error)}`);
    }
  }
  throw new DownloadError('BAD_MANIFEST', `No distribution point gave the content manifest: ${reasons.join('; ')}.`);
}

/**
 * The site never lists a name a Windows client cannot hold (it refuses such a source), so one in a
 * manifest is not the site's: on Windows `CON` or `a.txt:stream` would be written to a device or
 * an alternate data stream, so it is refused on every OS.
 */
function windowsNameOf(manifest: ContentManifest): string | null {
  for (const path of [...manifest.folders, ...manifest.files.map((f) => f.path)]) {
    for (const segment of path.split('/')) {
      const problem = windowsNameProblem(segment);
      if (problem !== null) return `${JSON.stringify(path)} ${problem}`;
    }
  }
  return null;
}
