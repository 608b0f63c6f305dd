#!/usr/bin/env bash
# Times the 30-day archive of bench/archive.sh again on a tree it has already archived (docs/performance.md):
#
#   bash bench/archive-again.sh TREE DAYS WORK [CLI_DIR ...]
#
# For each CLI_DIR (default bench/out/cli; another build of src/OpsConsole.Cli to compare, e.g. one built from an
# earlier commit with `dotnet build src/OpsConsole.Cli -c Release -o DIR`): restores the 30 timed day bundles with
# bench/out/cli (4-5 min at 10,000 devices), waits 20 s, then times `compliance archive` of those 30 days with that
# CLI, printing the load average and the kernel's dentry counts beside the figures. Run nothing else meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
tree="$1" keep="$2" work="$3"
shift 3
[ $# -gt 0 ] || set -- bench/out/cli
base=(--root "$tree" --db "$work/archive-cli.db" --audit-db "$work/archive-audit.db")
last=$(ls "$tree/compliance" | sort | tail -1)
hot=$(date -u -d "$last - $(( keep - 1 )) days" +%F)          # first live day, as bench/archive.sh
cold=$(date -u -d "$hot - 30 days" +%F)                        # first day of the timed 30
for cli in "$@"; do
  start=$(date +%s)
  for i in $(seq 0 29); do
    dotnet bench/out/cli/opsconsole.dll "${base[@]}" archive restore "compliance-$(date -u -d "$cold + $i days" +%F)" >/dev/null
  done
  echo "restored $cold..$(date -u -d "$hot - 1 day" +%F) in $(( $(date +%s) - start )) s; dentries (all, unused) $(cut -f1,5 /proc/sys/fs/dentry-state | tr '\t' ' ')"
  sleep 20
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  figures=$(/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB peak RSS" dotnet "$cli/opsconsole.dll" "${base[@]}" compliance archive --before "$hot" 2>&1 >/dev/null | tail -1)
  echo "$cli: load average $load before; $figures"
done
