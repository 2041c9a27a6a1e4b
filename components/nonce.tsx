'use client';
// The page's CSP nonce (proxy.ts makes one per request) for client components that write
// <style> elements themselves, such as the data grid's CSS variables.
import { createContext, useContext } from 'react';

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
