/**
 * Where the local identity provider keeps its sessions, grants and codes: this process's memory.
 * Enough for a stand-in (a restart signs everyone out); the municipality's provider keeps its own.
 * The interface is oidc-provider's adapter: one instance per kind of artifact.
 */
type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string; consumed?: number };

type Store = Map<string, { payload: Payload; expiresAt: number | null }>;

/** An adapter class whose stores belong to one provider: two providers in one process share nothing. */
export function memoryAdapter() {
  const stores = new Map<string, Store>();
  return class extends MemoryAdapter {
    constructor(name: string) {
      super(stores.get(name) ?? new Map());
      stores.set(name, this.store);
    }
  };
}

class MemoryAdapter {
  constructor(protected readonly store: Store) {}

  async upsert(id: string, payload: Payload, expiresIn?: number) {
    this.store.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
  }

  async find(id: string) {
    const entry = this.store.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
      this.store.delete(id);
      return undefined;
    }
    return entry.payload;
  }

  async findByUid(uid: string) {
    for (const [id, { payload }] of this.store) if (payload.uid === uid) return this.find(id);
    return undefined;
  }

  async findByUserCode(userCode: string) {
    for (const [id, { payload }] of this.store) if (payload.userCode === userCode) return this.find(id);
    return undefined;
  }

  async consume(id: string) {
    const entry = this.store.get(id);
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string) {
    this.store.delete(id);
  }

  async revokeByGrantId(grantId: string) {
    for (const [id, { payload }] of this.store) if (payload.grantId === grantId) this.store.delete(id);
  }
}
