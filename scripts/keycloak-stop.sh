#!/usr/bin/env bash
# Stops a Keycloak started by scripts/keycloak-start.sh and removes its run folder.
#
#   scripts/keycloak-stop.sh "$KEYCLOAK_RUN_DIR"
#
# KEYCLOAK_KEEP_RUN_DIR=1 keeps the folder (its keycloak.log) for a post-mortem.
set -euo pipefail

RUN="${1:?usage: keycloak-stop.sh <run folder printed by keycloak-start.sh>}"
log() { printf '[keycloak-stop] %s\n' "$*" >&2; }

[[ -f "$RUN/keycloak.pid" ]] || { log "no keycloak.pid in $RUN: nothing to stop"; exit 0; }
PID="$(cat "$RUN/keycloak.pid")"

# Only signal the group if its leader is still our kc.sh: after a crash the pid may have
# been reused by an unrelated process.
ours() { [[ -r "/proc/$PID/cmdline" ]] && tr '\0' ' ' <"/proc/$PID/cmdline" | grep -qF "$RUN/"; }

if ours; then
  kill -TERM -- "-$PID" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 -- "-$PID" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 -- "-$PID" 2>/dev/null; then
    log "Keycloak (process group $PID) ignored SIGTERM for 30s; sending SIGKILL"
    kill -KILL -- "-$PID" 2>/dev/null || true
  fi
  log "stopped Keycloak (process group $PID)"
fi

if [[ "${KEYCLOAK_KEEP_RUN_DIR:-}" == 1 ]]; then
  log "kept $RUN"
else
  rm -rf "$RUN"
fi
