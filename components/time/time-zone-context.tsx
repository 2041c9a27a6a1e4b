'use client';
// The organisation's time zone for every time a page shows and every period it counts: given
// once by the root layout (the viewer's tenant's zone; UTC for support), read where times are
// formatted or typed.
import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_TIME_ZONE } from '@/lib/time/zoned-time';

const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export const useTimeZone = () => useContext(TimeZoneContext);
