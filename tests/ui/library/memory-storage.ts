/** A Storage in memory with a quota (characters, keys + values, as browsers count) and switchable failures. */
export interface TestStorage extends Storage {
  /** Map view of the contents. */
  readonly data: Map<string, string>;
  /** Make every call throw this error name ('SecurityError'), or null to work again. */
  failWith: string | null;
  quota: number;
}

function domError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

export function memoryStorage(init: Record<string, string> = {}, quota = 5_000_000): TestStorage {
  const data = new Map(Object.entries(init));
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const s: TestStorage = {
    data,
    failWith: null,
    quota,
    get length() {
      check();
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => (check(), data.get(k) ?? null),
    key: (i) => (check(), [...data.keys()][i] ?? null),
    removeItem: (k) => void (check(), data.delete(k)),
    setItem: (k, v) => {
      check();
      const after = used() - (data.has(k) ? k.length + data.get(k)!.length : 0) + k.length + String(v).length;
      if (after > s.quota) throw domError('QuotaExceededError', 'The quota has been exceeded.');
      data.set(k, String(v));
    },
  };
  function check() {
    if (s.failWith) throw domError(s.failWith, 'The operation is insecure.');
  }
  return s;
}
