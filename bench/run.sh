#!/usr/bin/env bash
# OpsConsole scale benchmark (docs/performance.md). Not part of the test suite; CI never runs it.
#
#   bash bench/run.sh [--devices 10000] [--days 30] [--seed 42] [--reps 3] [--clients 8] [--requests 400]
#                     [--tree DIR] [--work DIR] [--port 18890] [--clean] [--provider sqlite|postgres]
#                     [--archive-before DAYS]
#
# --archive-before DAYS (docs/retention.md) keeps the newest DAYS days of runs live and archives the rest with the CLI
# before the app is measured: first every day older than DAYS+30 (untimed bulk), then the 30 days before the hot set,
# timed, with the CLI's peak memory (the issue's case: --days 365 --archive-before 30). The archived tree is its own
# copy (tree-…-a<DAYS>), generated and archived once and reused like the plain tree.
# --provider postgres runs the app on PostgreSQL (docs/scale-out.md): with $OpsConsole__Database__ConnectionString
# set, on that database (which the cold starts empty!); otherwise on a throwaway cluster from pg_virtualenv.
#
# 1. publishes the web app in Release (ReadyToRun, as scripts/publish.sh) to bench/out/app and builds bench/LoadDriver to bench/out/driver;
# 2. generates the artifact tree with `opsconsole demo generate` under /tmp/opsconsole-bench
#    (kept and reused while devices/days/seed are the same; --tree uses an existing tree instead);
# 3. runs the driver: raw read+parse baseline, cold starts, warm starts, freshness, latency of the
#    six pages with 8 concurrent clients, working set, a 10,000-row export, page weights; with --provider postgres
#    also the follower phase: a second instance on port + 1 under the same load while the first indexes a new day;
# 4. prints the results table and writes it to bench/out/results.md.
# Only loopback traffic (127.0.0.1). --clean deletes the generated tree and work folder at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

devices=10000 days=30 seed=42 reps=3 clients=8 requests=400 port=18890 tree="" clean=0 provider=sqlite archive_before=""
work=/tmp/opsconsole-bench/work
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) devices="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --tree) tree="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --clean) clean=1; shift ;;
    --provider) provider="$2"; shift 2 ;;
    --archive-before) archive_before="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== build (Release) =="
# Published as scripts/publish.sh ships it (ReadyToRun, framework-dependent, linux-x64): start-up is measured
# on the code operators run, without the JIT time of every method the first requests touch.
dotnet publish src/OpsConsole.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o bench/out/app -nologo -clp:ErrorsOnly
dotnet build bench/LoadDriver -c Release -o bench/out/driver -nologo -clp:ErrorsOnly

if [ -z "$tree" ]; then
  tree="/tmp/opsconsole-bench/tree-${devices}x${days}-s${seed}${archive_before:+-a$archive_before}"
  stamp="$tree/.bench-complete"
  if [ ! -f "$stamp" ]; then
    echo "== generating ${devices} devices x ${days} days into $tree =="
    dotnet build src/OpsConsole.Cli -c Release -o bench/out/cli -nologo -clp:ErrorsOnly
    start=$(date +%s)
    dotnet bench/out/cli/opsconsole.dll demo generate --devices "$devices" --days "$days" --seed "$seed" --out "$tree" --force
    echo "generated in $(( $(date +%s) - start )) s"
    if [ -n "$archive_before" ]; then
      bash bench/archive.sh "$tree" "$archive_before" "$work"
    fi
    touch "$stamp"   # dot-files are ignored by the console
  else
    echo "== reusing $tree =="
  fi
fi

case "$provider" in
  sqlite|Sqlite) runner=() ;;
  postgres|Postgres)
    export OpsConsole__Database__Provider=Postgres
    if [ -n "${OpsConsole__Database__ConnectionString:-}" ]; then
      runner=()
    else
      command -v pg_virtualenv >/dev/null 2>&1 || { echo "--provider postgres needs pg_virtualenv (apt-get install postgresql)" >&2; exit 2; }
      # The throwaway cluster's PG* variables become the app's connection string inside the wrapper.
      runner=(pg_virtualenv sh -c 'export OpsConsole__Database__ConnectionString="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE"; exec "$@"' bench)
    fi ;;
  *) echo "unknown provider: $provider (sqlite or postgres)" >&2; exit 2 ;;
esac

mkdir -p "$work"
echo "== provider: $provider =="
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(date -u '+%Y-%m-%d %H:%M UTC') =="
"${runner[@]}" dotnet bench/out/driver/LoadDriver.dll --app bench/out/app/OpsConsole.Web.dll --root "$tree" --work "$work" \
  --port "$port" --reps "$reps" --clients "$clients" --requests "$requests" --out bench/out/results.md

if [ "$clean" -eq 1 ]; then
  rm -rf "$work"
  case "$tree" in /tmp/opsconsole-bench/*) rm -rf "$tree" ;; esac
fi
