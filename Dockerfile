# syntax=docker/dockerfile:1
# RoleCall on Node 24 LTS. Stage 1 bundles the TypeScript and its pure-JavaScript packages
# (npm run build, docs/startup.md) and writes the bundle's licence file; stage 2 installs the
# production dependencies: what the bundle leaves outside (native addons, pino-pretty), which
# it loads, and every package it carries, which it does not load but which image scanners and
# SBOM tools read. The runtime stage copies the two and runs as a non-root user.
#
# Install scripts are skipped: on Node 22+ the store uses better-sqlite3 13, which ships
# Node-API prebuilds, so nothing needs compiling (the Node 20 driver, better-sqlite3 12, is
# installed but never loaded; see src/store/sqlite/driver.ts).

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY src ./src
COPY commands ./commands
COPY data ./data
COPY scripts ./scripts
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    ROLECALL_DB=/var/lib/rolecall/rolecall.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/app ./dist/app
COPY --from=build /app/dist/kb ./dist/kb
COPY --from=build /app/dist/THIRD-PARTY-NOTICES.txt ./dist/THIRD-PARTY-NOTICES.txt
COPY package.json ./
COPY data ./data
COPY slack ./slack
COPY assets ./assets
RUN mkdir -p /var/lib/rolecall && chown node:node /var/lib/rolecall
USER node
VOLUME ["/var/lib/rolecall"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# `npm start` would put npm between Docker and the bot; run node directly so SIGTERM arrives.
# The V8 flags trade a little speed for memory: see PRODUCTION_NODE_FLAGS in bench/flags.ts.
CMD ["node", "--max-semi-space-size=2", "--optimize-for-size", "--v8-pool-size=1", "dist/app/main.js"]
