'use client';
// The log's ERROR and WARN lines grouped by message pattern (found when the log was stored):
// how many of each, and a click to the first one.
import type { ErrorPattern } from '@/lib/logs/log-levels';
import styles from './log-viewer.module.css';

export function ErrorPatternsPanel({ patterns, onJump }: { patterns: ErrorPattern[]; onJump: (line: number) => void }) {
  return (
    <aside className={styles.errors} aria-labelledby="log-errors-title">
      <h2 id="log-errors-title" className={styles.errorsTitle}>
        Errors and warnings
      </h2>
      {patterns.length === 0 ? (
        <p className={styles.status}>No ERROR or WARN lines in this log.</p>
      ) : (
        <ul className={styles.patterns}>
          {patterns.map((pattern) => (
            <li key={`${pattern.level} ${pattern.pattern}`}>
              <button type="button" className={styles.pattern} onClick={() => onJump(pattern.firstLine)} title={pattern.example}>
                <span className={styles.patternHead}>
                  <span className={styles.level} data-level={pattern.level}>
                    {pattern.level === 'error' ? 'ERROR' : 'WARN'} × {pattern.count.toLocaleString('en-US')}
                  </span>
                  <span className={styles.patternWhere}>first at line {pattern.firstLine.toLocaleString('en-US')}</span>
                </span>
                <span className={styles.patternText}>{pattern.pattern}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
