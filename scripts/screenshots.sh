#!/usr/bin/env bash
# Writes the documentation screenshots docs/screenshots/{dashboard,approval-timeline,gate-ladder,
# engagement-editor}.png: starts the console on a temporary copy of reports/ (the demo tree) on a free
# loopback port, drives Debian's chromium with tools/Screenshots (Playwright), then stops the console.
# Nothing under reports/ or data/ is touched. See docs/screenshots.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is missing: apt-get install -y chromium (see scripts/test.sh)" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d "${TMPDIR:-/tmp}/opsconsole-screenshots.XXXXXX")"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build =="
dotnet build src/OpsConsole.Web -nologo -clp:ErrorsOnly -v q
dotnet build tools/Screenshots -nologo -clp:ErrorsOnly -v q

cp -R reports "$work/root"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
url="http://127.0.0.1:$port"

echo "== console on $url over a copy of reports/ =="
(cd src/OpsConsole.Web && exec env ASPNETCORE_ENVIRONMENT=Production dotnet bin/Debug/net10.0/OpsConsole.Web.dll \
  --contentRoot "$repo/src/OpsConsole.Web" --Urls="$url" \
  --OpsConsole:ArtifactRoot="$work/root" --OpsConsole:DatabasePath="$work/index.db" --OpsConsole:AuditPath="$work/audit/opsconsole-audit.db" \
  --OpsConsole:LogDirectory="$work/logs") >"$work/console.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "$url/health/ready"; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/console.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs -o /dev/null "$url/health/ready" || { echo "the console did not become ready" >&2; cat "$work/console.log" >&2; exit 1; }

echo "== screenshots =="
dotnet tools/Screenshots/bin/Debug/net10.0/Screenshots.dll "$url" docs/screenshots
