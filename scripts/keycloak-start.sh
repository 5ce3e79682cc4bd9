#!/usr/bin/env bash
# Starts a throw-away Keycloak in development mode with the OneDoor realm imported, on
# 127.0.0.1 and a free port, and waits until the realm answers. For development and the
# end-to-end test (.ci/keycloak-e2e); production Keycloak is set up as docs/operations.md says.
#
#   eval "$(scripts/keycloak-start.sh)"      # sets KEYCLOAK_URL, KEYCLOAK_E2E_REALM_URL,
#                                            #      KEYCLOAK_PID, KEYCLOAK_RUN_DIR
#   scripts/keycloak-stop.sh "$KEYCLOAK_RUN_DIR"
#
# Extra arguments go to `kc.sh start-dev` (e.g. --log-level=debug).
# KEYCLOAK_HOME          an unpacked distribution to use instead of scripts/keycloak-fetch.sh's
# KEYCLOAK_JAVA_HOME     the JDK to run it with (default: $JAVA_HOME, else `java` on PATH)
# KEYCLOAK_PORT          HTTP port (default: a free one)
# KEYCLOAK_START_TIMEOUT seconds to wait for the realm (default 240: a cold start on two
#                        cores re-augments Quarkus first, ~20 s of the ~35 s)
#
# Exit status: 0 running; 3 Keycloak cannot be had here (no download, no Java 17+), reason on
# stderr; 1 it was had but failed to start (the log's tail is on stderr).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REALM="onedoor"   # the realm in deploy/keycloak/onedoor-realm.json
TIMEOUT="${KEYCLOAK_START_TIMEOUT:-240}"

log() { printf '[keycloak-start] %s\n' "$*" >&2; }

if [[ -n "${KEYCLOAK_HOME:-}" ]]; then
  DIST="$KEYCLOAK_HOME"
else
  status=0
  DIST="$("$ROOT/scripts/keycloak-fetch.sh")" || status=$?
  (( status == 0 )) || exit "$status"
fi
[[ -x "$DIST/bin/kc.sh" ]] || { log "no Keycloak distribution at $DIST"; exit 1; }

if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then export JAVA_HOME="$KEYCLOAK_JAVA_HOME"; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! java_version="$("$JAVA" -version 2>&1 | head -1)"; then
  log "cannot run Keycloak: no Java found ($JAVA); install a JDK 17 or newer or set KEYCLOAK_JAVA_HOME"
  exit 3
fi
java_major="$(printf '%s' "$java_version" | sed -E 's/.*version "(1\.)?([0-9]+).*/\2/')"
if ! [[ "$java_major" =~ ^[0-9]+$ ]] || (( java_major < 17 )); then
  log "cannot run Keycloak 26: it needs Java 17 or newer, found: $java_version"
  exit 3
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  log "no free port found"; exit 1
}
PORT="${KEYCLOAK_PORT:-$(free_port)}"

# Keycloak keeps its data (H2, tmp, the import folder) and its Quarkus build under its home
# folder, with no option to move them. So each run gets its own home: the big read-only
# parts (jars, themes) are links into the cached distribution, the parts Keycloak writes are
# copies, and parallel runs or a crashed one never touch the cache.
RUN="$(mktemp -d "${TMPDIR:-/tmp}/onedoor-keycloak.XXXXXX")"
mkdir -p "$RUN/lib" "$RUN/data/import"
cp -r "$DIST/bin" "$DIST/conf" "$RUN/"
cp -r "$DIST/lib/app" "$DIST/lib/quarkus-run.jar" "$RUN/lib/"
ln -s "$DIST/lib/lib" "$RUN/lib/lib"
ln -s "$DIST/themes" "$RUN/themes"
ln -s "$DIST/providers" "$RUN/providers"
# start-dev re-augments Quarkus for the dev profile (~20 s on two cores) unless the build it
# finds already matches its options: reuse the one a previous run saved (see below).
if [[ -d "$DIST/.onedoor-dev-build" ]]; then
  cp -r "$DIST/.onedoor-dev-build" "$RUN/lib/quarkus"
else
  cp -r "$DIST/lib/quarkus" "$RUN/lib/quarkus"
fi
cp "$ROOT"/deploy/keycloak/*.json "$RUN/data/import/"

ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
(umask 077 && printf '%s\n' "$ADMIN_PASSWORD" >"$RUN/admin-password")

log "starting Keycloak $(basename "$DIST" | sed 's/^keycloak-//') on http://127.0.0.1:$PORT with $java_version"
start=$SECONDS
# Own session and process group, so keycloak-stop.sh can end kc.sh and its JVM together and
# nothing else; no inherited stdout, so `$(keycloak-start.sh)` returns once we are done.
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  setsid "$RUN/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$PORT" --db=dev-mem "$@" \
  </dev/null >"$RUN/keycloak.log" 2>&1 &
PID=$!
echo "$PID" >"$RUN/keycloak.pid"

URL="http://127.0.0.1:$PORT"
fail() {
  log "$1; last lines of $RUN/keycloak.log:"
  tail -40 "$RUN/keycloak.log" >&2 || true
  "$ROOT/scripts/keycloak-stop.sh" "$RUN" >&2 || true
  exit 1
}
# The realm's discovery document is served only after the import has finished.
until curl -fsS -o /dev/null "$URL/realms/$REALM/.well-known/openid-configuration" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || fail "Keycloak exited during start-up"
  (( SECONDS - start < TIMEOUT )) || fail "Keycloak was not ready after ${TIMEOUT}s"
  sleep 1
done
log "ready in $((SECONDS - start))s; admin console $URL/admin (admin, password in $RUN/admin-password)"

# Save this run's dev build for the next one, unless extra arguments may have changed it.
# Keycloak compares a build's options with its own and rebuilds on a mismatch, so a stale
# copy costs time, never correctness.
if (( $# == 0 )) && [[ ! -d "$DIST/.onedoor-dev-build" ]]; then
  tmp="$(mktemp -d "$DIST/.onedoor-dev-build.XXXXXX")"
  # mv fails when a concurrent run saved its build first; theirs is as good.
  if ! { cp -r "$RUN/lib/quarkus/." "$tmp/" && mv -T "$tmp" "$DIST/.onedoor-dev-build" 2>/dev/null; }; then rm -rf "$tmp"; fi
fi

cat <<EOF
KEYCLOAK_URL=$URL
KEYCLOAK_E2E_REALM_URL=$URL/realms/$REALM
KEYCLOAK_PID=$PID
KEYCLOAK_RUN_DIR=$RUN
EOF
