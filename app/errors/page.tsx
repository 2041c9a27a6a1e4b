// /errors — what each error means: the sync engine's error categories by where they come from,
// and the error codes of sync issues, with what an admin can do; the organisation's own notes
// (written here by platform admins). Categories the engine reported that the panel does not
// know are listed as such.
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { CategoryNoteForm } from '@/components/errors/category-note-form';
import { ERROR_CODE_MEANINGS, ERROR_SOURCES } from '@/domain/sync-vocabulary';
import { requireTenantViewer } from '@/lib/auth/require-viewer';
import { listCategoryNotes } from '@/lib/errors/category-notes';
import { CATALOGUED_CATEGORIES, ERROR_CATEGORY_CATALOG, ERROR_SOURCE_MEANINGS, explainErrorCategory, explainIssueCode } from '@/lib/errors/error-catalog';
import { seenErrorCategories } from '@/lib/search/seen-filter-values';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';

export const metadata: Metadata = { title: 'What errors mean' };

export default async function ErrorsPage() {
  const viewer = await requireTenantViewer();
  const [notes, seen] = await Promise.all([listCategoryNotes(viewer), seenErrorCategories(viewer, null)]);
  const unknown = seen.filter((category) => !CATALOGUED_CATEGORIES.includes(category));
  return (
    <Stack spacing={3}>
      <Typography variant="h1">What errors mean</Typography>
      <Typography color="text.secondary">
        The sync engine reports a session&apos;s error with a category and where it came from (its source). Each is explained here with what you can
        do; the same explanation is at hand wherever the error appears.{viewer.role === 'platform_admin' ? ' Add your organisation’s own note to a category: your admins see it beside the explanation.' : ''}
      </Typography>
      <Stack spacing={2} component="section" aria-labelledby="categories">
        <Typography variant="h2" id="categories">
          Error categories
        </Typography>
        {[...CATALOGUED_CATEGORIES, ...unknown].map((category) => {
          const entry = ERROR_CATEGORY_CATALOG[category];
          return (
            <Paper key={category} variant="outlined" sx={{ p: 2 }} component="article" aria-labelledby={`category-${category}`}>
              <Stack spacing={1}>
                <Typography variant="h6" component="h3" id={`category-${category}`}>
                  {category}
                </Typography>
                {entry ? (
                  <>
                    <Typography>{entry.meaning}</Typography>
                    <Typography>
                      <strong>What you can do:</strong> {entry.whatToDo}
                    </Typography>
                    {ERROR_SOURCES.filter((source) => entry.bySource?.[source]).map((source) => {
                      const bySource = explainErrorCategory(category, source);
                      return (
                        <Typography key={source} variant="body2">
                          <strong>From the {ERROR_SOURCE_LABELS[source]}:</strong> {bySource.meaning !== entry.meaning ? `${bySource.meaning} ` : ''}
                          {bySource.whatToDo}
                        </Typography>
                      );
                    })}
                  </>
                ) : (
                  <Typography>{explainErrorCategory(category, null).meaning} The sessions’ messages and logs say more.</Typography>
                )}
                {viewer.role === 'platform_admin' ? (
                  <CategoryNoteForm category={category} note={notes[category] ?? null} />
                ) : notes[category] ? (
                  <Typography>
                    <strong>Your organisation’s note:</strong> {notes[category]}
                  </Typography>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Stack spacing={1} component="section" aria-labelledby="sources">
        <Typography variant="h2" id="sources">
          Error sources
        </Typography>
        <dl>
          {ERROR_SOURCES.map((source) => (
            <div key={source}>
              <Typography component="dt" sx={{ fontWeight: 600 }}>
                {ERROR_SOURCE_LABELS[source]}
              </Typography>
              <Typography component="dd" sx={{ ml: 0, mb: 1 }}>
                {ERROR_SOURCE_MEANINGS[source]}
              </Typography>
            </div>
          ))}
        </dl>
      </Stack>
      <Stack spacing={1} component="section" aria-labelledby="codes">
        <Typography variant="h2" id="codes">
          Error codes of sync issues
        </Typography>
        <dl>
          {Object.keys(ERROR_CODE_MEANINGS).map((key) => {
            const explained = explainIssueCode(Number(key));
            return (
              <div key={key}>
                <Typography component="dt" sx={{ fontWeight: 600 }}>
                  {key}: {explained.meaning}
                </Typography>
                <Typography component="dd" sx={{ ml: 0, mb: 1 }}>
                  {explained.whatToDo}
                </Typography>
              </div>
            );
          })}
        </dl>
        <Typography variant="body2" color="text.secondary">
          Any other code is shown as “Unknown” with its number: the panel does not guess what it means.
        </Typography>
      </Stack>
    </Stack>
  );
}
