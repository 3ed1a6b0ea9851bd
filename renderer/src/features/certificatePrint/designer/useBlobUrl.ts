import { useEffect, useState } from 'react';
import type { Result } from '../../../../../shared/ipc/result';

/**
 * A blob: URL for bytes fetched through the host (a student's photo, a template's scanned blank),
 * revoked when replaced or when the page goes. `key` null: nothing to show.
 */
export function useBlobUrl(key: string | null, fetchBlob: () => Promise<Result<Blob | null>>, tick = 0): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    setUrl(null);
    if (key !== null) {
      void fetchBlob().then((r) => {
        if (!live || !r.ok || !r.value) return;
        made = URL.createObjectURL(r.value);
        setUrl(made);
      });
    }
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
    // fetchBlob is a new closure each render; what to fetch is named by key and tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return url;
}
