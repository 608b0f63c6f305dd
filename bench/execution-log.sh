#!/usr/bin/env bash
# A large execution log on /executions/{name} (docs/executions.md). Not part of the test suite; CI never runs it.
#
#   bash bench/execution-log.sh [--mb 50] [--port 18895] [--work /tmp/opsconsole-execlog] [--no-publish | --app DLL]
#
# Copies reports/ to the work folder, writes executions/huge-run.log (--mb MiB of ~100-byte lines, one ERROR
# line at 80 %), starts the published app (bench/out/app, as bench/run.sh publishes it) on 127.0.0.1 and times
# with curl: the first page right after start (the indexer built and stored the file's line index before
# ready, so this request reads it), the same page again, a page deep in the log, the jump to the first error
# and a ?q= filter (a full streaming pass).
# Prints the app's resident memory before and after. Only loopback traffic; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=50 port=18895 work=/tmp/opsconsole-execlog publish=1 app_dll=bench/out/app/OpsConsole.Web.dll
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --no-publish) publish=0; shift ;;
    --app) app_dll="$2"; publish=0; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$publish" -eq 1 ] || [ ! -f "$app_dll" ]; then
  echo "== publish (Release) =="
  dotnet publish src/OpsConsole.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o bench/out/app -nologo -clp:ErrorsOnly
  app_dll=bench/out/app/OpsConsole.Web.dll
fi

rm -rf "$work" && mkdir -p "$work"
cp -r reports "$work/root"
log="$work/root/executions/huge-run.log"
lines=$(( mb * 1024 * 1024 / 100 ))
error_line=$(( lines * 4 / 5 ))
awk -v n="$lines" -v e="$error_line" 'BEGIN {
  pad = sprintf("%44s", ""); gsub(/ /, ".", pad)
  for (i = 1; i <= n; i++)
    printf "2026-11-20T10:00:00Z %s [bulk] object synced %08d %s\n", (i == e ? "ERROR" : "INFO "), i, pad
}' > "$log"
echo "== $(du -m "$log" | cut -f1) MiB, $lines lines, first error at line $error_line =="

dotnet "$app_dll" --OpsConsole:ArtifactRoot="$work/root" --OpsConsole:DatabasePath="$work/index.db" \
  --OpsConsole:LogDirectory="$work/logs" --Urls="http://127.0.0.1:$port" > "$work/app.out" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  sleep 0.5
done

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$app/status"; }
base="http://127.0.0.1:$port/executions/huge-run.log"
echo "resident memory when ready: $(rss)"
printf '%-44s %6s %9s %11s\n' "request" "status" "seconds" "bytes"
measure() {
  curl -s -o /dev/null -w "%{http_code} %{time_total} %{size_download}" "$2" | awk -v l="$1" '{printf "%-44s %6s %9.3f %11d\n", l, $1, $2, $3}'
}
measure "first page, first request after start (stored line index)" "$base"
measure "first page again" "$base"
measure "page 2,000 of 200 lines" "$base?page=2000"
measure "jump to the first error" "$base?from=$error_line"
measure "filter ?q=ERROR (whole file)" "$base?q=ERROR"
echo "resident memory after: $(rss)"
