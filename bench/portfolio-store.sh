# Sourced by the portfolio benchmarks: parses their options, provides a database holding a
# synthetic portfolio of N activities (generated, or kept from an earlier run), and serves it.
#   [N]           activities (default 20000)
#   --postgres    a PostgreSQL started for the bench (initdb/pg_ctl in a folder of its own,
#                 unix socket only) instead of a SQLite file
#   --keep DIR    keep the database in DIR (sqlite-N.db or postgres-N/) and reuse it in later
#                 runs with the same store and N; DIR/<store>-N.generated records how long the
#                 generation took. Pending migrations are applied to a kept database.
#   --copy-sqlite with --postgres and --keep: fill PostgreSQL by copying DIR/sqlite-N.db (kept
#                 by an earlier SQLite run) instead of importing N activities again
# Sets DATABASE_URL and BASE_URL; stops what it started and removes its temporary files on exit.
set -euo pipefail

count=20000
postgres=false
keep=
copy_sqlite=false
while [ $# -gt 0 ]; do
  case $1 in
    --postgres) postgres=true ;;
    --keep) keep=${2:?--keep needs a folder}; shift ;;
    --copy-sqlite) copy_sqlite=true ;;
    -*) echo "$0: unknown option $1" >&2; exit 2 ;;
    *) count=$1 ;;
  esac
  shift
done

node=node_modules/.bin/node
work=$(mktemp -d)
chmod 755 "$work"
base=${keep:-$work}
mkdir -p "$base"
base=$(cd "$base" && pwd)
export LOG_LEVEL=warn
server=
pg_dir=

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
# PostgreSQL refuses to run as root; as root it runs as the postgres system user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bench_cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$work"
}
trap bench_cleanup EXIT

# Sized for a bench machine with a few GB to spare; durability is off because the data is
# generated and thrown away (as in test/support/postgres.ts).
start_postgres() {
  if [ ! -d "$pg_dir/data" ]; then
    mkdir -p "$pg_dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$pg_dir"; fi
    as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U caravan -A trust --no-sync -E UTF8 >/dev/null
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w start -o "-k $pg_dir \
    -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=1GB -c max_wal_size=4GB \
    -c checkpoint_timeout=30min" >/dev/null
}

if $postgres; then
  [ -n "$pg_bin" ] || { echo "$0: no PostgreSQL under /usr/lib/postgresql/*/bin" >&2; exit 1; }
  store=postgres
  pg_dir=$base/postgres-$count
  [ -f "$base/$store-$count.generated" ] || rm -rf "$pg_dir"
  start_postgres
  export DATABASE_URL="postgres://caravan@localhost/postgres?host=$pg_dir"
else
  store=sqlite
  export DATABASE_URL="sqlite:$base/sqlite-$count.db"
fi

marker=$base/$store-$count.generated
if [ -f "$marker" ]; then
  echo "reusing $store database of $count activities: $(cat "$marker")"
  $node bin/caravan.js db migrate >/dev/null
else
  if ! $postgres; then rm -f "$base/sqlite-$count.db" "$base/sqlite-$count.db"-{wal,shm}; fi
  if $copy_sqlite; then
    [ -f "$base/sqlite-$count.generated" ] || { echo "$0: no kept sqlite-$count.db to copy" >&2; exit 2; }
    $node bench/copy-portfolio.ts "$base/sqlite-$count.db" "$pg_bin/psql" | tee "$work/gen.log"
    echo "$(tail -1 "$work/gen.log"), generated as SQLite: $(cat "$base/sqlite-$count.generated")" >"$marker.partial"
  else
    $node bench/gen-portfolio.ts "$count" | tee "$work/gen.log"
    tail -1 "$work/gen.log" >"$marker.partial"
  fi
fi

# Planner statistics, as autovacuum would gather them minutes after a bulk load.
if $postgres; then
  as_postgres "$pg_bin/vacuumdb" -h "$pg_dir" -U caravan -d postgres --analyze --quiet
fi
if [ -f "$marker.partial" ]; then mv "$marker.partial" "$marker"; fi

port=$((8100 + RANDOM % 800))
export BASE_URL=http://127.0.0.1:$port
PORT=$port $node bin/caravan.js serve &
server=$!
for _ in $(seq 300); do curl -sf "$BASE_URL/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE_URL/readyz" >/dev/null || { echo "$0: the server did not start" >&2; exit 1; }
