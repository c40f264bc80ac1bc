# syntax=docker/dockerfile:1
# khcn-tasks: the app (Next's standalone server), the worker and the migrations, from one build.
#   docker build -t khcn-tasks .                      # the app (default target)
#   docker build -t khcn-tasks-worker --target worker .
# compose.yaml runs them together (PostgreSQL, two app instances, a worker, a reverse proxy).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# `npm ci` runs `prisma generate` (postinstall): it needs the schema and its config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

# The worker and the one-shot migration run from the sources with the full node_modules (tsx, Prisma's wasm
# schema engine); as a user without a shell or a home.
FROM deps AS worker
COPY --from=build /app /app
RUN useradd --system --uid 1001 --no-create-home --shell /usr/sbin/nologin khcn && mkdir -p /app/storage && chown khcn /app/storage
USER khcn
ENV NODE_ENV=production
CMD ["node", "node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/worker.ts"]

# The app: only what Next's standalone output traced, the static files and the public folder.
FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 STORAGE_DIR=/app/storage
RUN useradd --system --uid 1001 --no-create-home --shell /usr/sbin/nologin khcn && mkdir -p /app/storage && chown khcn /app/storage
COPY --from=build --chown=khcn /app/.next/standalone ./
COPY --from=build --chown=khcn /app/.next/static ./.next/static
COPY --from=build --chown=khcn /app/public ./public
COPY --from=build --chown=khcn /app/scripts/cluster.cjs ./cluster.cjs
USER khcn
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# One server process per core (WEB_CONCURRENCY to set how many).
CMD ["node", "cluster.cjs"]
