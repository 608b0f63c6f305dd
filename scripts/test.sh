#!/usr/bin/env bash
# Runs every test of OpsConsole on a fresh machine: installs what is missing (Debian's chromium for
# the browser tests, systemd and prometheus for the deploy tests' systemd-analyze and promtool, the
# pinned vnu-jar HTML checker under tools/vnu, Debian's postgresql for the scale-out tests), restores, builds with
# warnings as errors, checks formatting and migrations (both providers), runs all test projects inside a throwaway
# PostgreSQL cluster (pg_virtualenv) and ends with the plain line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian chromium (browser tests) =="
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

# The deploy tests run systemd-analyze (package systemd) and promtool (package prometheus); a missing tool
# fails them, so install both here. prometheus' install scripts would start a Prometheus server: a
# policy-rc.d answering 101 ("not allowed") keeps every service stopped during the install.
deploy_packages=""
command -v systemd-analyze >/dev/null 2>&1 || deploy_packages="$deploy_packages systemd"
command -v promtool >/dev/null 2>&1 || deploy_packages="$deploy_packages prometheus"
# The scale-out tests (tests/OpsConsole.ScaleOut.Tests) need a PostgreSQL server: pg_virtualenv
# (postgresql-common) starts a throwaway cluster of Debian's postgresql for the test run below.
command -v pg_virtualenv >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || deploy_packages="$deploy_packages postgresql"
if [ -n "$deploy_packages" ]; then
  echo "== installing$deploy_packages (deploy tests) =="
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  policy_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 0755 /usr/sbin/policy-rc.d
    policy_added=1
  fi
  # shellcheck disable=SC2086
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $deploy_packages >/dev/null
  if [ -n "$policy_added" ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
fi

if [ ! -d tools/vnu/node_modules ]; then
  echo "== installing the Nu HTML Checker (vnu-jar, HTML validity tests) =="
  npm ci --prefix tools/vnu --no-audit --no-fund
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== restore and build =="
dotnet tool restore >/dev/null
dotnet build OpsConsole.sln -c Release -nologo -clp:ErrorsOnly

echo "== format and migrations =="
dotnet format OpsConsole.sln --verify-no-changes --no-restore
# One migration set per provider (docs/scale-out.md): SQLite (IndexDbContext, AuditDbContext) and PostgreSQL
# (PostgresIndexDbContext, PostgresAuditDbContext, and the web app's Data Protection key ring).
for context in IndexDbContext AuditDbContext PostgresIndexDbContext PostgresAuditDbContext; do
  dotnet ef migrations has-pending-model-changes --context "$context" --project src/OpsConsole.Core --startup-project src/OpsConsole.Core --no-build --configuration Release
done
dotnet ef migrations has-pending-model-changes --context DataProtectionKeysDbContext --project src/OpsConsole.Web --startup-project src/OpsConsole.Web --no-build --configuration Release

echo "== tests =="
# Every test host (each WebApplicationFactory, and the instances the scale-out and deploy tests start) watched its
# configuration and static files with inotify; with the test projects running in parallel that passed the default
# of 128 inotify instances per user (an IOException from FileSystemWatcher in a page). Polling for those
# ASP.NET Core file providers needs none. The console's own artifact watcher is a plain FileSystemWatcher and is
# not affected, so the tests of the file watcher still exercise inotify.
export DOTNET_USE_POLLING_FILE_WATCHER=1
results="$(pwd)/TestResults"
rm -rf "$results"
status=0
# Inside a throwaway PostgreSQL cluster: pg_virtualenv exports PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, the
# scale-out tests read them, and OPSCONSOLE_REQUIRE_POSTGRES=1 makes a missing server a failure, never a skip.
OPSCONSOLE_REQUIRE_POSTGRES=1 pg_virtualenv sh -c 'dotnet test OpsConsole.sln -c Release --no-build --logger "trx" --results-directory "$1"' test "$results" || status=$?

# VSTest's own summary is per project; print one total line that CI reads.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters")
    if c is None:
        continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
if [ "$status" -ne 0 ]; then
  echo "tests failed (exit $status)"
fi
exit "$status"
