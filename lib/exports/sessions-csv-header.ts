// The sessions CSV's header, exactly as DESIGN.md §4 names the columns.
export const SESSIONS_CSV_HEADER = [
  'Session ID',
  'User ID',
  'User email',
  'Synchronization start date',
  'Synchronization end date',
  'Status',
  'Synchronization scope',
  'Changes',
  'Issues',
  'Error category',
  'Error source',
  'Message',
];
