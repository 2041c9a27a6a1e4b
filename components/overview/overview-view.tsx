// The overview: is sync healthy, and where is it not? Figures of the viewer's scope and period
// from the daily rollups; each one links to the list or statistics page behind it.
import type { ReactNode } from 'react';
import { AppLink } from '@/components/links/app-link';
import { CategoryExplained } from '@/components/errors/category-explained';
import { type ErrorSource, type SessionStatus, ERROR_CODE_MEANINGS, SESSION_STATUSES as SESSION_STATUS_ORDER } from '@/domain/sync-vocabulary';
import { ISSUE_TYPE_LABELS } from '@/lib/issues/issue-labels';
import type { BreakdownRow, OverviewFigures } from '@/lib/overview/overview-figures';
import { overviewLinks } from '@/lib/overview/overview-links';
import type { OverviewPeriod } from '@/lib/overview/overview-period';
import { ERROR_SOURCE_LABELS } from '@/lib/sessions/session-labels';
import { SESSION_STATUS_LABELS } from '@/lib/sync-status/session-status-labels';
import { FigureCard, KpiTile } from './figure-card';
import { FigureTable } from '@/components/tables/figure-table';
import styles from './overview.module.css';
import { SessionsPerDayChart } from './sessions-per-day-chart';

const number = (n: number) => n.toLocaleString('en-US');
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

/** "Sales (12), Support (3)": the profiles with the most of a figure, each a link — at least
 * 24 px tall and apart, a target a finger can hit (WCAG 2.5.8). */
function TopProfiles<Key>({ row, href }: { row: BreakdownRow<Key>; href: (profileId: string) => string }) {
  return (
    <span className={styles.topProfiles}>
      {row.topProfiles.map((p) => (
        <AppLink key={p.profileId} href={href(p.profileId)}>
          {p.profileName} ({number(p.count)})
        </AppLink>
      ))}
    </span>
  );
}

function Grid2({ children }: { children: ReactNode }) {
  return <div className={styles.grid2}>{children}</div>;
}

export function OverviewView({ figures, period, categoryNotes }: { figures: OverviewFigures; period: OverviewPeriod; categoryNotes: Record<string, string> }) {
  const links = overviewLinks(period);
  const { totals } = figures;
  const statusRow = (status: SessionStatus) => figures.statuses.find((s) => s.key === status);
  const sourceLabel = (source: ErrorSource | null) => (source ? ERROR_SOURCE_LABELS[source] : 'Not reported');
  return (
    <div className={styles.column}>
      <div className={styles.kpis}>
        <KpiTile label="Sync sessions" value={number(totals.all)} detail={`${percent(totals.success, totals.all)} successful`} />
        <KpiTile label="Sessions in error" value={number(totals.error)} detail={`${percent(totals.error, totals.all)} of all sessions`} />
        <KpiTile label="Skipped sessions" value={percent(totals.skipped, totals.all)} detail={`${number(totals.skipped)} skipped`} />
        <KpiTile
          label="Users disabled due to an error"
          value={number(figures.disabledDueToError.count)}
          href={
            <div className={styles.body2}>
              <AppLink href={links.usersInError()}>Show them</AppLink>
            </div>
          }
        />
        <KpiTile label="Sync issues" value={number(figures.issuesTotal)} />
      </div>

      <FigureCard title="Sessions per day by status" id="sessions-per-day">
        <SessionsPerDayChart days={figures.sessionsByDay} statuses={SESSION_STATUS_ORDER} />
        <details>
          <summary>
            <span className={styles.body2}>The figures per day as a table</span>
          </summary>
          <FigureTable
            label="Sessions per day by status"
            columns={[{ header: `Day (${period.timeZone})` }, ...SESSION_STATUS_ORDER.map((s) => ({ header: SESSION_STATUS_LABELS[s], numeric: true }))]}
            rows={figures.sessionsByDay.map((d) => [d.day, ...SESSION_STATUS_ORDER.map((s) => number(d.counts[s]))])}
          />
        </details>
        <FigureTable
          label="Sessions by status in the period"
          columns={[{ header: 'Status' }, { header: 'Sessions', numeric: true }, { header: 'Share', numeric: true }, { header: 'Profiles with the most' }]}
          rows={SESSION_STATUS_ORDER.filter((s) => totals[s] > 0).map((s) => [
            SESSION_STATUS_LABELS[s],
            number(totals[s]),
            percent(totals[s], totals.all),
            <TopProfiles key={s} row={statusRow(s)!} href={(id) => links.profileStatistics(id, { status: s })} />,
          ])}
        />
      </FigureCard>

      <Grid2>
        <FigureCard title="Profiles with the most errors and issues" id="top-profiles">
          <FigureTable
            label="Profiles with the most errors and issues"
            columns={[{ header: 'Profile' }, { header: 'Sessions in error', numeric: true }, { header: 'Sync issues', numeric: true }]}
            rows={figures.profiles.map((p) => [
              p.profileName,
              <AppLink key="e" href={links.profileStatistics(p.profileId, { status: 'error' })} aria-label={`${number(p.errorSessions)} sessions in error in ${p.profileName}`}>
                {number(p.errorSessions)}
              </AppLink>,
              <AppLink key="i" href={links.profileIssues(p.profileId)} aria-label={`${number(p.issues)} sync issues in ${p.profileName}`}>
                {number(p.issues)}
              </AppLink>,
            ])}
          />
        </FigureCard>
        <FigureCard title="Users with the most errors and issues" id="top-users">
          <FigureTable
            label="Users with the most errors and issues"
            columns={[{ header: 'User' }, { header: 'Profile' }, { header: 'Sessions in error', numeric: true }, { header: 'Sync issues', numeric: true }]}
            rows={figures.users.map((u) => [
              u.userName,
              u.profileName,
              <AppLink key="e" href={links.userStatistics(u.userId, { status: 'error' })} aria-label={`${number(u.errorSessions)} sessions in error of ${u.userName}`}>
                {number(u.errorSessions)}
              </AppLink>,
              <AppLink key="i" href={links.userIssues(u.userId)} aria-label={`${number(u.issues)} sync issues of ${u.userName}`}>
                {number(u.issues)}
              </AppLink>,
            ])}
          />
        </FigureCard>
      </Grid2>

      <FigureCard title="Users disabled due to an error" id="disabled-users">
        <p className={styles.body2}>
          {number(figures.disabledDueToError.count)} user{figures.disabledDueToError.count === 1 ? '' : 's'} cannot synchronize until the error is fixed or an admin
          enables them again. <AppLink href={links.usersInError()}>All of them</AppLink>
        </p>
        <FigureTable
          label="Users disabled due to an error, worst first"
          empty="No user is disabled due to an error."
          columns={[{ header: 'User' }, { header: 'Reason' }, { header: 'Sessions in error (period)', numeric: true }]}
          rows={figures.disabledDueToError.worst.map((u) => [
            <AppLink key="u" href={links.userStatistics(u.userId, { status: 'error' })}>
              {u.userName}
            </AppLink>,
            u.reason ?? '—',
            number(u.errorSessions),
          ])}
        />
      </FigureCard>

      <Grid2>
        <FigureCard title="Error categories" id="error-categories">
          <FigureTable
            label="Sessions in error by category"
            columns={[{ header: 'Category' }, { header: 'Source' }, { header: 'Sessions', numeric: true }, { header: 'Profiles with the most' }]}
            rows={figures.errorCategories.map((row) => [
              <CategoryExplained key="c" category={row.key.category} source={row.key.source} note={categoryNotes[row.key.category] ?? null} />,
              sourceLabel(row.key.source),
              number(row.count),
              <TopProfiles
                key="p"
                row={row}
                href={(id) => links.profileStatistics(id, { status: 'error', errorCategory: row.key.category || undefined, errorSource: row.key.source })}
              />,
            ])}
          />
        </FigureCard>
        <FigureCard title="Error sources" id="error-sources">
          <FigureTable
            label="Sessions in error by source"
            columns={[{ header: 'Source' }, { header: 'Sessions', numeric: true }, { header: 'Share', numeric: true }, { header: 'Profiles with the most' }]}
            rows={figures.errorSources.map((row) => [
              sourceLabel(row.key),
              number(row.count),
              percent(row.count, totals.error),
              <TopProfiles key="p" row={row} href={(id) => links.profileStatistics(id, { status: 'error', errorSource: row.key })} />,
            ])}
          />
        </FigureCard>
      </Grid2>

      <Grid2>
        <FigureCard title="Sync issues by type" id="issue-types">
          <FigureTable
            label="Sync issues by type"
            columns={[{ header: 'Type' }, { header: 'Issues', numeric: true }, { header: 'Profiles with the most' }]}
            rows={figures.issueTypes.map((row) => [
              ISSUE_TYPE_LABELS[row.key],
              number(row.count),
              <TopProfiles key="p" row={row} href={(id) => links.profileIssues(id, { type: row.key })} />,
            ])}
          />
        </FigureCard>
        <FigureCard title="Sync issues by error code" id="issue-codes">
          <FigureTable
            label="Sync issues by error code"
            columns={[{ header: 'Code' }, { header: 'Meaning' }, { header: 'Issues', numeric: true }, { header: 'Profiles with the most' }]}
            rows={figures.issueCodes.map((row) => [
              String(row.key),
              ERROR_CODE_MEANINGS[row.key] ?? `Unknown (${row.key})`,
              number(row.count),
              <TopProfiles key="p" row={row} href={(id) => links.profileIssues(id, { code: row.key })} />,
            ])}
          />
        </FigureCard>
      </Grid2>
      <p className={styles.caption}>
        Days are dates in the organisation's time zone, {period.timeZone}: {period.from} to {period.dayList[period.dayList.length - 1]}. Figures come from daily and period totals kept up to date as the sync engine reports.
      </p>
    </div>
  );
}
