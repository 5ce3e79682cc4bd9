#
# One image for the three OneDoor processes:
#   api         node dist/src/main.js        (default CMD; listens on $PORT, default 4000)
#   workers     node dist/workers/main.js
#   migrations  node dist/scripts/migrate.js (needs DATABASE_OWNER_URL)
#
#   docker build -t registry.example.com/onedoor/onedoor:0.1.0 .     (BuildKit: Docker >= 23)
#
# No configuration or secret is baked in: everything comes from the environment at run time
# (see helm/onedoor). The image runs as uid/gid 10001 and works with a read-only root
# filesystem; mount a writable /tmp.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: full dependency tree, compile TypeScript to dist/ ----------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NODE_ENV=development \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN --mount=type=cache,target=/root/.npm \
    npm ci
# Sources (.dockerignore keeps out node_modules, dist, tests, data and deployment files).
COPY . .
# The API and the staff console it serves at / (web/dist, static files only).
RUN npm run build && npm run build:web

# ---- runtime: production dependencies and the compiled output only ------------------------
FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="onedoor" \
      org.opencontainers.image.description="OneDoor multi-tenant GraphQL API and workers" \
      org.opencontainers.image.version="${VERSION}"
# HOME: a dependency (resolve) calls os.homedir() at load time, which throws when the uid
# has no passwd entry and HOME is unset (e.g. a platform that assigns arbitrary uids).
# /tmp is the writable emptyDir in the Helm chart.
ENV NODE_ENV=production \
    PORT=4000 \
    HOME=/tmp \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app
# A CJK font for the units' QR code PNGs (the unit's name is drawn under the code by resvg;
# without one it renders as empty boxes). WenQuanYi Micro Hei is small (~5 MB) and in Debian main.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*
# A dedicated unprivileged user; files stay owned by root so the app cannot modify itself.
RUN groupadd --system --gid 10001 onedoor \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin onedoor
COPY package.json package-lock.json ./
COPY web/package.json web/
# --ignore-scripts: no install-time code runs in the runtime image (native modules used at
# run time ship prebuilt binaries).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
USER 10001:10001
EXPOSE 4000
# node runs as PID 1 directly (the Helm chart sets `command` the same way): the processes
# handle SIGTERM themselves and drain within SHUTDOWN_GRACE_SECONDS.
ENTRYPOINT []
CMD ["node", "dist/src/main.js"]
