#!/usr/bin/env bash
# Throwaway PostgreSQL 15 for tests and CI: trust auth, fsync off, 127.0.0.1 on a free port.
#
#   scripts/pg_up.sh start DIR   init + start a cluster in DIR (created; must be reachable by
#                                the postgres user, so /tmp/... not /root/...); prints the
#                                SQLAlchemy URL postgresql+psycopg://postgres@127.0.0.1:PORT/veeduria
#   scripts/pg_up.sh stop DIR    stop the cluster and remove DIR
#
# As root, initdb/pg_ctl run as the unprivileged `postgres` user (created when missing).
# PGBIN overrides the binaries' folder (default /usr/lib/postgresql/15/bin).
set -euo pipefail

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"

die() { printf 'pg_up.sh: %s\n' "$*" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

ensure_user() {
  [ "$(id -u)" = 0 ] || return 0
  id postgres >/dev/null 2>&1 && return 0
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir="$1" port attempt
  [ -x "$PGBIN/initdb" ] || die "no PostgreSQL binaries in $PGBIN (apt-get install postgresql-15)"
  [ -e "$dir/data" ] && die "$dir/data already exists; stop it first"
  ensure_user
  mkdir -p "$dir"
  chmod 0755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  for attempt in 1 2 3; do
    port="$(free_port)"
    if as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
      as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres veeduria
      printf 'postgresql+psycopg://postgres@127.0.0.1:%s/veeduria\n' "$port"
      return 0
    fi
    printf 'pg_up.sh: start on port %s failed (attempt %s)\n' "$port" "$attempt" >&2
  done
  tail -n 20 "$dir/server.log" >&2 || true
  die "could not start PostgreSQL"
}

stop() {
  local dir="$1"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null \
      || printf 'pg_up.sh: pg_ctl stop failed for %s\n' "$dir" >&2
  fi
  rm -rf -- "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: pg_up.sh start DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: pg_up.sh stop DIR"; stop "$2" ;;
  *) die "usage: pg_up.sh start|stop DIR" ;;
esac
