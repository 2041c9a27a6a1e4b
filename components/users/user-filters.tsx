// The users lists' filters: the Effective synchronization status and the engine's reason of an
// error in the Filter by menu (applies at once) and a search by name or email (applies on Enter). The search is a GET form that
// keeps the other parameters, so every view is a link and it works before any script runs.
import SearchIcon from '@mui/icons-material/Search';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { ListFilters } from '@/components/filters/list-filters';
import { userFilterSections } from '@/lib/search/filter-sections';
import { single, type SearchParams } from '@/lib/search/search-params';
import type { ErrorReason } from '@/lib/users/error-reasons';

/** The parameters a new search keeps: the filter, the order and the page size (paging restarts). */
const KEPT_BY_SEARCH = ['status', 'reason', 'sort', 'pageSize'];

export function UserFilters({ path, params, reasons }: { path: string; params: SearchParams; reasons: ErrorReason[] }) {
  return (
    <ListFilters params={params} sections={userFilterSections(reasons, single(params.reason))}>
      <form method="get" action={path} role="search" aria-label="Search users">
        {KEPT_BY_SEARCH.map((key) => {
          const value = single(params[key]);
          return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
        })}
        <TextField
          name="q"
          type="search"
          label="Search name or email"
          size="small"
          defaultValue={single(params.q) ?? ''}
          sx={{ width: 300, maxWidth: '100%' }}
          slotProps={{
            htmlInput: { maxLength: 200 },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton type="submit" edge="end" size="small" aria-label="Search">
                    <SearchIcon fontSize="small" />
                  </IconButton>
                </InputAdornment>
              ),
            },
          }}
        />
      </form>
    </ListFilters>
  );
}
