#!/usr/bin/env bash
# Builds the release tarball: artifacts/opsconsole-<version>-linux-x64.tar.gz holding the web app and the
# CLI (framework-dependent, ReadyToRun, linux-x64: the target needs the ASP.NET Core 10 runtime), the
# systemd unit and the other deploy/ files, a CLI wrapper and the operations guide.
#   bash scripts/publish.sh [--version VERSION] [--out DIR]
# The build runs on a copy of the sources in a temp folder, so it never touches this checkout's bin/ and
# obj/ (tests can run while it builds). The tarball's path is the last line printed.
# Install and upgrade: docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

version="${OPSCONSOLE_VERSION:-}"
out="$repo/artifacts"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: scripts/publish.sh [--version VERSION] [--out DIR]" >&2; exit 2 ;;
  esac
done
if [ -z "$version" ]; then
  # A tag v1.2.3 gives 1.2.3; otherwise 0.0.0-<commits>.g<hash> (sorts by history, names the commit).
  version="$(git describe --tags --match 'v[0-9]*' --exact-match 2>/dev/null | sed 's/^v//' || true)"
  if [ -z "$version" ]; then
    version="0.0.0-$(git rev-list --count HEAD 2>/dev/null || echo 0).g$(git rev-parse --short=10 HEAD 2>/dev/null || echo unknown)"
  fi
fi
if ! [[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]]; then
  echo "version '$version' may hold only letters, digits and . + -" >&2
  exit 2
fi

rid=linux-x64
name="opsconsole-$version"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d "${TMPDIR:-/tmp}/opsconsole-publish.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== sources -> $work/src =="
mkdir -p "$work/src"
tar -cf - --exclude=bin --exclude=obj Directory.Build.props Directory.Packages.props global.json .editorconfig src | tar -xf - -C "$work/src"

stage="$work/$name"
mkdir -p "$stage"
publish() {
  # ReadyToRun needs the Crossgen2 and runtime packs of linux-x64 (restored from NuGet like any package).
  # The copy has no .git: the commit is named by the version, so Source Link is off.
  dotnet publish "$work/src/src/$1" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -p:InformationalVersion="$version" -p:IncludeSourceRevisionInInformationalVersion=false \
    -p:EnableSourceLink=false -p:EnableSourceControlManagerQueries=false \
    -o "$stage/$2" -nologo -clp:ErrorsOnly -v q
}
echo "== publish web (ReadyToRun, framework-dependent, $rid) =="
publish OpsConsole.Web web
echo "== publish cli =="
publish OpsConsole.Cli cli

mkdir -p "$stage/deploy/nginx" "$stage/bin" "$stage/docs"
cp deploy/opsconsole.service deploy/opsconsole.env.example deploy/prometheus-rules.yml deploy/Containerfile "$stage/deploy/"
cp deploy/nginx/opsconsole.conf "$stage/deploy/nginx/"
cp docs/operations.md "$stage/docs/"
[ -f docs/backup-and-restore.md ] && cp docs/backup-and-restore.md "$stage/docs/"
echo "$version" > "$stage/VERSION"
cat > "$stage/bin/opsconsole" <<'SH'
#!/bin/sh
# The opsconsole CLI with the service's settings (/etc/opsconsole/opsconsole.env), so both use the same
# artifact root and database. Run it as the service user: sudo -u opsconsole opsconsole check
set -e
if [ -r /etc/opsconsole/opsconsole.env ]; then
  set -a
  . /etc/opsconsole/opsconsole.env
  set +a
fi
here="$(dirname "$(readlink -f "$0")")"
exec /usr/bin/dotnet "$here/../cli/opsconsole.dll" "$@"
SH
chmod 0755 "$stage/bin/opsconsole"

mkdir -p "$out"
tarball="$out/$name-$rid.tar.gz"
tar -czf "$tarball" -C "$work" --owner=0 --group=0 "$name"
echo "== $(du -h "$tarball" | cut -f1) =="
echo "$tarball"
