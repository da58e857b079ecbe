import { useCallback, useEffect, useRef, useState } from "react";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  /** undefined until the first page has loaded. */
  items: T[] | undefined;
  nextCursor: string | null;
  /** The first page is loading (after a change of `deps` or `reload`). */
  loading: boolean;
  /** The first page failed. */
  error: Error | undefined;
  loadingMore: boolean;
  /** "Load more" or a refresh failed; the rows shown stay. */
  moreError: Error | undefined;
  /** When the rows were last fetched (ms), or null. */
  updatedAt: number | null;
  /** Starts again from the first page. */
  reload: () => Promise<void>;
  /** Appends the next page. */
  loadMore: () => Promise<void>;
  /** Fetches the first page again without clearing the rows, and merges it into them. */
  refresh: () => Promise<void>;
  /** Changes the rows in place (an event resent, …). */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * A cursor-paginated list: the first page on mount and whenever `deps`
 * change, "Load more" appending, and silent refreshes merged by `merge`
 * (default: the fresh first page replaces the rows). Answers to an older
 * `deps` are dropped.
 */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, deps: unknown[], merge: (shown: Page<T>, fresh: Page<T>) => Page<T> = (_shown, fresh) => fresh): PagedList<T> {
  const [page, setPage] = useState<Page<T>>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const latest = useRef({ fetchPage, merge });
  latest.current = { fetchPage, merge };
  const generation = useRef(0);
  const shown = useRef<Page<T> | undefined>(undefined);
  shown.current = page;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setPage(undefined);
    setMoreError(undefined);
    try {
      const first = await latest.current.fetchPage(null);
      if (mine !== generation.current) return;
      setPage(first);
      setError(undefined);
      setUpdatedAt(Date.now());
    } catch (caught) {
      if (mine === generation.current) setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    const cursor = shown.current?.nextCursor;
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await latest.current.fetchPage(cursor);
      if (mine !== generation.current) return;
      setPage((current) => (current ? { items: [...current.items, ...next.items], nextCursor: next.nextCursor } : next));
    } catch (caught) {
      if (mine === generation.current) setMoreError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      if (mine === generation.current) setLoadingMore(false);
    }
  }, []);

  const refresh = useCallback(async () => {
    if (!shown.current) return;
    const mine = generation.current;
    try {
      const fresh = await latest.current.fetchPage(null);
      if (mine !== generation.current) return;
      setPage((current) => (current ? latest.current.merge(current, fresh) : fresh));
      setMoreError(undefined);
      setUpdatedAt(Date.now());
    } catch (caught) {
      if (mine === generation.current) setMoreError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  }, []);

  const update = useCallback((change: (items: T[]) => T[]) => setPage((current) => (current ? { ...current, items: change(current.items) } : current)), []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { items: page?.items, nextCursor: page?.nextCursor ?? null, loading, error, loadingMore, moreError, updatedAt, reload, loadMore, refresh, update };
}
