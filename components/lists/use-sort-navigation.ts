'use client';
// Server-side sorting for a DataGrid: a sort change is a navigation to the same URL with `sort`.
import type { GridSortModel } from '@mui/x-data-grid';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

export function useSortNavigation(defaultSort: string) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return useCallback(
    (model: GridSortModel) => {
      const params = new URLSearchParams(searchParams.toString());
      params.delete('after');
      params.delete('before');
      const first = model[0];
      const sort = first ? `${first.sort === 'desc' ? '-' : ''}${first.field}` : defaultSort;
      if (sort === defaultSort) params.delete('sort');
      else params.set('sort', sort);
      const query = params.toString();
      router.push(query ? `${pathname}?${query}` : pathname);
    },
    [router, pathname, searchParams, defaultSort],
  );
}
