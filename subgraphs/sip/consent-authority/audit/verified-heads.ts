import { appendFile, readFile } from 'node:fs/promises';
import { macOf, signedWith, type SignedHeads } from './chain-anchor.ts';
import type { VerifiedHeads } from './verify-chain.ts';

/**
 * Where `npm run audit:verify` last found each chain intact, kept outside the database
 * (AUDIT_VERIFIED_FILE) and signed with the anchor key, so the next check starts there instead of
 * at the first link. Whoever can rewrite the database cannot move these marks; a mark that is not
 * signed with the key is not used, and the check starts from the first link.
 */
interface Mark extends SignedHeads {
  heads: VerifiedHeads;
}

/** The last mark in the file, if it is signed with `key`; null if there is none. Throws if it is not signed. */
export async function lastVerifiedHeads(
  file: string,
  key: string,
): Promise<{ at: string; heads: VerifiedHeads } | null> {
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  if (lines.length === 0) return null;
  const mark = JSON.parse(lines.at(-1)!) as Mark;
  if (!signedWith(key, mark))
    throw new Error(`the last mark in ${file} (${mark.at}) is not signed with the anchor key`);
  return { at: mark.at, heads: mark.heads };
}

/** Appends where each chain was found intact now. */
export async function recordVerifiedHeads(file: string, key: string, heads: VerifiedHeads, at: Date): Promise<void> {
  const stamp = at.toISOString();
  const mark: Mark = { at: stamp, heads, mac: macOf(key, stamp, heads) };
  await appendFile(file, `${JSON.stringify(mark)}\n`, { mode: 0o600 });
}
