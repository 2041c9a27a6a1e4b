/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // prom-client: one module instance for the HTTP server (scripts/serve.ts) and the app's bundles.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'prom-client'],
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Headers of every response, the API and next-auth's endpoints included. The page policy
  // (Content-Security-Policy with its per-request nonce) and HSTS come from proxy.ts; docs/security.md
  // lists them all.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
  // The build type-checks the app itself; tests and scripts are checked by `npm run typecheck` (CI),
  // so a test's type error never stops `npm start`.
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.app.json' },
};

export default nextConfig;
