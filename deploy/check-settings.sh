#!/usr/bin/env bash
# Checks the values a compose deployment needs before anything else starts. docker-compose.yml runs it first, as the
# service "settings", and every other service waits until it succeeds; so no service starts over an empty or malformed
# secret. It names every value that is missing or malformed and where it goes, then exits 1.
# It can also be run by hand beside docker-compose.yml:
#   set -a; . ./.env; set +a; bash deploy/check-settings.sh
# The proxy's certificate directory is looked for at SAMENSPEL_TLS_CHECK_DIR when that is set (the container mounts
# SAMENSPEL_TLS_DIR there), else at SAMENSPEL_TLS_DIR itself (default ./tls).
set -u
problems=0

refuse() {
  echo "$1" >&2
  problems=$((problems + 1))
}

# need NAME WHAT [PATTERN]: NAME must be set, and match the extended regular expression PATTERN when one is given.
need() {
  local value="${!1:-}"
  if [ -z "$value" ]; then
    refuse "set $1 in .env ($2)"
  elif [ -n "${3:-}" ] && ! [[ "$value" =~ $3 ]]; then
    refuse "$1 in .env is not as it must be ($2)"
  fi
}

need SAMENSPEL_TOKEN_SECRET "at least 32 random characters, the same for every instance" '^.{32,}$'
need SAMENSPEL_ADMIN_USERNAME "the first platform admin, created on first start"
need SAMENSPEL_ADMIN_PASSWORD "at least 12 characters" '^.{12,}$'
need SAMENSPEL_METRICS_PASSWORD "at least 12 characters: the account Prometheus scrapes the services with" '^.{12,}$'
need SAMENSPEL_CHECKPOINTS_PRIVATE_KEY "base64 PKCS#8 Ed25519 key; how to make one: .env.example" '^[A-Za-z0-9+/]+=*$'
need SAMENSPEL_CHECKPOINTS_PUBLIC_KEY "base64 X.509 Ed25519 key; how to make one: .env.example" '^[A-Za-z0-9+/]+=*$'
need SAMENSPEL_MONGO_ROOT_PASSWORD "MongoDB's root user, for administration and backups only"
need SAMENSPEL_MONGO_PASSWORD "letters and digits only, it is part of the connection string" '^[A-Za-z0-9]+$'
need SAMENSPEL_MONGO_KEYFILE "the replica set key, 6 to 1024 base64 characters on one line; see .env.example" \
  '^[A-Za-z0-9+/=]{6,1024}$'

tls_dir="${SAMENSPEL_TLS_DIR:-./tls}"
for pem in "fullchain.pem:the certificate chain, the server's certificate first" "privkey.pem:its private key"; do
  if [ ! -s "${SAMENSPEL_TLS_CHECK_DIR:-$tls_dir}/${pem%%:*}" ]; then
    refuse "put ${pem%%:*} in $tls_dir (SAMENSPEL_TLS_DIR in .env): the proxy's TLS certificate, ${pem#*:}, PEM"
  fi
done

if [ "$problems" -gt 0 ]; then
  echo "Samenspel does not start: $problems setting(s) to put right (see above, and .env.example)" >&2
  exit 1
fi
echo "Every setting is in place."
