/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // The build type-checks the app itself; tests and scripts are checked by `npm run typecheck` (CI),
  // so a test's type error never stops `npm start`.
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.app.json' },
};

export default nextConfig;
