'use client';
// False while the server renders and while the browser hydrates, true after: what depends on
// the browser (its language) renders in a neutral form first, so the markup never disagrees
// during hydration.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export const useIsClient = () => useSyncExternalStore(subscribe, () => true, () => false);
