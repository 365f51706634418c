#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing (Debian's chromium for the browser tests, Debian's
# postgresql for the PostgreSQL tests, and @redocly/cli from npm into .build/tools for the OpenAPI lint).
# Starts a throwaway PostgreSQL server for the run (.ci/postgres.sh: .build/pg, 127.0.0.1, a free port) and stops it
# after, whatever happens; when it cannot be installed or started the PostgreSQL tests are skipped and the last line says
# so. With CROSSCHECK_TEST_POSTGRES already set, that server is used instead and none is started.
# Tests that read datasets from ../shared are skipped when that folder is missing, unless CROSSCHECK_REQUIRE_SHARED=1.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# An apt command, retried while another apt or dpkg holds its lock (a second checkout's test run installing at the same
# time, an unattended upgrade): up to ten minutes, then its error.
apt_wait() {
  local out
  for _ in $(seq 1 120); do
    out="$("$@" 2>&1 >/dev/null)" && return 0
    grep -q "Could not get lock\|Unable to lock\|Unable to acquire" <<<"$out" || { echo "$out" >&2; return 1; }
    sleep 5
  done
  echo "$out" >&2
  return 1
}

need=()
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} (Debian packages)"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  apt_wait $sudo apt-get update -qq && apt_wait $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" \
    || { echo "test.sh: could not install ${need[*]}" >&2; exit 1; }
  apt_updated=1
fi

# PostgreSQL: not installing it only skips its tests, so a failure here is a line, not the end of the run.
source "$root/.ci/postgres.sh"
postgres_note=""
if [ -n "${CROSSCHECK_TEST_POSTGRES:-}" ]; then
  echo "test.sh: using the PostgreSQL server given in CROSSCHECK_TEST_POSTGRES"
else
  if [ -z "$(pg_test_server_bin)" ]; then
    echo "test.sh: installing postgresql (Debian package)"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    { [ -n "${apt_updated:-}" ] || apt_wait $sudo apt-get update -qq; } \
      && apt_wait $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
      || echo "test.sh: could not install postgresql; the PostgreSQL tests will be skipped" >&2
  fi
  trap pg_test_server_stop EXIT
  trap 'exit 130' INT TERM
  if pg_test_server_start; then
    echo "test.sh: PostgreSQL for the tests in $pg_test_server_dir ($CROSSCHECK_TEST_POSTGRES), stopped after the run"
  else
    postgres_note="PostgreSQL could not be started ($pg_test_server_problem), so the PostgreSQL tests were skipped"
    echo "test.sh: $postgres_note" >&2
  fi
fi

# Redocly's linter for the OpenAPI test, from npm into a folder of the checkout (never a global install).
redocly_version="2.77.0"
tools="$root/.build/tools"
if [ "$("$tools/node_modules/.bin/redocly" --version 2>/dev/null | head -1)" != "$redocly_version" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing @redocly/cli@$redocly_version into $tools (npm)"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@redocly/cli@$redocly_version" >/dev/null \
      || echo "test.sh: could not install @redocly/cli; the OpenAPI lint test will be skipped" >&2
  else
    echo "test.sh: npm is missing, so @redocly/cli is not installed and the OpenAPI lint test will be skipped"
  fi
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

results="$root/.build/test-results"
rm -rf "$results"
dotnet test "$root/tests/Crosscheck.Tests/Crosscheck.Tests.csproj" -c Release --nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" 2>&1 | tee "$results.log"
status=${PIPESTATUS[0]}

# One plain closing line that any reader of this output understands.
trx="$results/results.trx"
if [ -f "$trx" ]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  # The counters' notExecuted stays 0 for skipped tests; each skipped result says NotExecuted.
  skipped=$(grep -c 'outcome="NotExecuted"' "$trx")
  if [ "${skipped:-0}" -gt 0 ] && [ ! -d "$root/../shared" ]; then
    echo "test.sh: $(cd "$root/.." && pwd)/shared is missing, so the tests that read its datasets were skipped (see README, Tests)"
  fi
  [ -z "$postgres_note" ] || echo "test.sh: $postgres_note"
  echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
  [ "${passed:-0}" -gt 0 ] || { echo "test.sh: no test ran" >&2; status=1; }
else
  echo "test.sh: the test run produced no results" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
