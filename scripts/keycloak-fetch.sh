#!/usr/bin/env bash
# Downloads the Keycloak server distribution from Maven Central once and prints its folder.
#
#   scripts/keycloak-fetch.sh            # prints e.g. /root/.cache/onedoor/keycloak-26.7.3
#
# KEYCLOAK_VERSION   version to fetch (default below: the newest 26.x when this was written;
#                    deploy/keycloak/README.md says which Java versions it was run with)
# KEYCLOAK_CACHE     cache folder (default ${HOME}/.cache/onedoor, as for .ci/helm-check's helm)
# KEYCLOAK_MAVEN_URL Maven repository or mirror (default https://repo1.maven.org/maven2)
#
# Exit status: 0 ready; 3 the distribution cannot be had here (no network, blocked, 404; the
# reason is on stderr) so CI can report the test as skipped rather than failed; 1 anything
# else, notably a checksum mismatch, which must never be skipped over.
set -euo pipefail

VERSION="${KEYCLOAK_VERSION:-26.7.3}"
CACHE="${KEYCLOAK_CACHE:-$HOME/.cache/onedoor}"
MAVEN="${KEYCLOAK_MAVEN_URL:-https://repo1.maven.org/maven2}"
DEST="$CACHE/keycloak-$VERSION"
BASE="$MAVEN/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.tar.gz"

log() { printf '[keycloak-fetch] %s\n' "$*" >&2; }

# The marker is written last, so a folder from an interrupted run is never mistaken for a good one.
if [[ -f "$DEST/.onedoor-verified" ]]; then
  printf '%s\n' "$DEST"
  exit 0
fi

command -v curl >/dev/null || { log "cannot download: curl is not installed"; exit 3; }
mkdir -p "$CACHE"
TMP="$(mktemp -d "$CACHE/.keycloak-$VERSION.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# Fetches $1 into $2; on failure prints curl's own reason (DNS, refused, HTTP 404...) and exits 3.
get() {
  local err
  if ! err="$(curl -fsSL --retry 2 --connect-timeout 20 -o "$2" "$1" 2>&1)"; then
    err="${err##*$'\n'}"   # --retry repeats the message: the last line is enough
    log "cannot download $1: ${err:-unknown error}"
    exit 3
  fi
}

get "$BASE.sha1" "$TMP/sha1"
log "downloading $BASE"
start=$SECONDS
get "$BASE" "$TMP/dist.tar.gz"
size=$(wc -c <"$TMP/dist.tar.gz")
log "downloaded $((size / 1024 / 1024)) MiB in $((SECONDS - start))s"

# Central publishes .sha1 for every artifact and .sha512 for recent ones: check what exists.
want="$(tr -d ' \r\n' <"$TMP/sha1" | cut -c1-40)"
got="$(sha1sum "$TMP/dist.tar.gz" | cut -d' ' -f1)"
if [[ "$want" != "$got" ]]; then
  log "SHA-1 mismatch for $BASE: expected $want, got $got"
  exit 1
fi
if curl -fsSL --connect-timeout 20 -o "$TMP/sha512" "$BASE.sha512" 2>/dev/null; then
  want="$(tr -d ' \r\n' <"$TMP/sha512" | cut -c1-128)"
  got="$(sha512sum "$TMP/dist.tar.gz" | cut -d' ' -f1)"
  if [[ "$want" != "$got" ]]; then
    log "SHA-512 mismatch for $BASE"
    exit 1
  fi
  log "checksums verified (SHA-1, SHA-512)"
else
  log "checksum verified (SHA-1; no .sha512 published)"
fi

tar --no-same-owner -xzf "$TMP/dist.tar.gz" -C "$TMP"
[[ -x "$TMP/keycloak-$VERSION/bin/kc.sh" ]] || { log "unexpected archive layout: no keycloak-$VERSION/bin/kc.sh"; exit 1; }
touch "$TMP/keycloak-$VERSION/.onedoor-verified"
# A concurrent run may have finished first; its copy is as good as ours.
if ! mv -T "$TMP/keycloak-$VERSION" "$DEST" 2>/dev/null && [[ ! -f "$DEST/.onedoor-verified" ]]; then
  rm -rf "$DEST"
  mv -T "$TMP/keycloak-$VERSION" "$DEST"
fi
printf '%s\n' "$DEST"
