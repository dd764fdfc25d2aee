# Caravan's server. Build: docker build -t caravan .   Run: see deploy/compose.yaml.
FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# The project brings its own Node.js 24 (the `node` package); Debian's node only runs npm.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build --if-present && npm prune --omit=dev --no-audit --no-fund

FROM debian:bookworm-slim
# postgresql-client: pg_dump and pg_restore for `caravan backup` and `caravan restore`.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /app --shell /usr/sbin/nologin caravan
WORKDIR /app
COPY --from=build --chown=caravan:caravan /app /app
USER caravan
ENV HOST=0.0.0.0 PORT=8080 DATABASE_URL=sqlite:/app/data/caravan.db
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD ["/app/node_modules/.bin/node", "-e", "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/app/node_modules/.bin/node", "/app/bin/caravan.js"]
CMD ["serve"]
