#!/usr/bin/env bash
# The archive step of bench/run.sh --archive-before DAYS (docs/retention.md, docs/performance.md):
#
#   bash bench/archive.sh TREE DAYS WORK
#
# keeps the newest DAYS run days of TREE live; archives every older day with `opsconsole compliance archive`:
# first the days older than DAYS+30 (bulk, untimed), then the 30 days before the hot set, timed, with the CLI's
# peak resident memory. Appends the figures to WORK/archive-results.md. Uses bench/out/cli (built by run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tree="$1" keep="$2" work="$3"
mkdir -p "$work"
cli=(dotnet bench/out/cli/opsconsole.dll --root "$tree" --db "$work/archive-cli.db" --audit-db "$work/archive-audit.db")
last=$(ls "$tree/compliance" | sort | tail -1)
hot=$(date -u -d "$last - $(( keep - 1 )) days" +%F)          # first live day
cold=$(date -u -d "$hot - 30 days" +%F)                        # first day of the timed 30
echo "== archiving: newest day $last; keeping $hot..$last live; bulk before $cold, timed $cold..$(date -u -d "$hot - 1 day" +%F) =="
start=$(date +%s)
"${cli[@]}" compliance archive --before "$cold" | tail -1
echo "bulk archive in $(( $(date +%s) - start )) s"
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%e s elapsed, %M KiB peak RSS" -o "$work/archive-time.txt"); fi
start=$(date +%s%N)
"${timer[@]}" "${cli[@]}" compliance archive --before "$hot" | tail -1
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "30 days archived in ${elapsed} ms$( [ -f "$work/archive-time.txt" ] && echo " ($(cat "$work/archive-time.txt"))")"
"${cli[@]}" archive list | tail -1
{
  echo "| archive of 30 days ($cold..$(date -u -d "$hot - 1 day" +%F)) | ${elapsed} ms | $( [ -f "$work/archive-time.txt" ] && cat "$work/archive-time.txt" ) |"
} >> "$work/archive-results.md"
