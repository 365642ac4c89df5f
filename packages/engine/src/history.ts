import type { HistoryEntry, TagRef } from '@meshconsole/model';
import type { ResourceRecord, StoredTag, StoredVersion, StoreWriter, Via } from './store/store';

/** How many versions of one resource are kept by default (`HISTORY_VERSIONS`); the oldest go first. */
export const DEFAULT_HISTORY_VERSIONS = 100;

/** Who made a change: the caller's account and the surface it came through. */
export interface Author {
  account: string;
  via: Via;
}

/** Tags as the store keeps them: one per key (the last value given wins), ordered by key. */
function normalTags(tags: readonly TagRef[] | undefined): StoredTag[] {
  const byKey = new Map((tags ?? []).map((tag) => [tag.key, tag.value]));
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
}

/**
 * Writes one history entry per change, inside the change's own transaction (so a version is kept
 * exactly when the change is): the write path calls `created`, `updated` or `deleted` once. A create
 * forgets any earlier history of the name (a re-created resource begins a new history); a delete is
 * the last entry, kept until then. At most `keep` versions stay per resource.
 */
export class HistoryRecorder {
  /** `keep` 0 keeps no history at all (what `bench/engine.ts` compares against). */
  constructor(readonly keep: number) {
    if (!Number.isInteger(keep) || keep < 0) throw new Error(`History keeps a whole number of versions (got ${keep}).`);
  }

  async created(w: StoreWriter, record: ResourceRecord, tags: readonly TagRef[] | undefined, by: Author) {
    if (this.keep === 0) return;
    await w.clearVersions(record);
    await w.addVersion(record, this.#entry(record, 'ACTIVE', normalTags(tags), by), this.keep);
  }

  async updated(w: StoreWriter, record: ResourceRecord, by: Author) {
    if (this.keep === 0) return;
    const tags = await w.listTags(record.uid, undefined, Number.MAX_SAFE_INTEGER);
    await w.addVersion(record, this.#entry(record, 'ACTIVE', tags, by), this.keep);
  }

  /** `record` is the deleted answer (its version the next one); `tags` what it had before the delete. */
  async deleted(w: StoreWriter, record: ResourceRecord, tags: StoredTag[], by: Author) {
    if (this.keep === 0) return;
    await w.addVersion(record, this.#entry(record, 'DELETED', tags, by), this.keep);
  }

  #entry(record: ResourceRecord, status: StoredVersion['status'], tags: StoredTag[], by: Author): StoredVersion {
    return {
      version: record.version,
      uid: record.uid,
      resourceOwner: record.resourceOwner,
      at: record.lastUpdatedAt,
      account: by.account,
      via: by.via,
      status,
      spec: record.spec,
      tags,
    };
  }
}

/** A kept version as the console API answers it; tags only for the resource owner (only the owner lists tags). */
export function historyEntry(entry: StoredVersion, caller: string): HistoryEntry {
  const out: HistoryEntry = {
    version: entry.version,
    at: entry.at / 1000,
    by: { accountId: entry.account, via: entry.via },
    spec: entry.spec as HistoryEntry['spec'],
    status: entry.status,
  };
  if (entry.resourceOwner === caller) out.tags = entry.tags.map((tag) => ({ key: tag.key, value: tag.value }));
  return out;
}
