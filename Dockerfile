# syntax=docker/dockerfile:1

# Build stage: compiles the TypeScript and better-sqlite3's native addon, then drops the dev
# dependencies so the runtime stage copies production node_modules only.
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source with node-gyp when no prebuilt binary matches the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
# Only what `npm run build` reads (tsconfig.build.json compiles src/ alone; nothing in src/ imports test/
# or bench/), and the knowledge the runtime stage takes from here.
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY knowledge ./knowledge
RUN npm run build && npm prune --omit=dev

# Runtime stage: no compiler, no dev dependencies, no secrets; configuration comes from the environment.
FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
# Code stays owned by root, so the bot cannot rewrite itself. src/paths.ts finds the project root by
# walking up to package.json, so knowledge/ must sit beside it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
# The default store is a SQLite file at ./data/bot.sqlite (relative to WORKDIR); only that is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Slim images have no curl; Node 22 has fetch. Only HTTP mode serves /healthz (Socket Mode has no port).
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Heap limits: the same as PRODUCTION_NODE_FLAGS in src/runtime.ts (checked by test/deploy).
CMD ["node", "--max-old-space-size=80", "--max-semi-space-size=2", "dist/src/index.js"]
