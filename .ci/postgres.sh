#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (issue 16): a fresh data folder under .build/pg, listening on 127.0.0.1
# only, on a free port, trusting loopback connections only, with fsync off; stopped and removed afterwards.
#
# test.sh sources this file and calls pg_test_server_start and pg_test_server_stop (on EXIT). By hand:
#   eval "$(.ci/postgres.sh start)"     # starts it and prints: export CROSSCHECK_TEST_POSTGRES='Host=127.0.0.1;...'
#   .ci/postgres.sh stop                # stops it and removes .build/pg
# Uses Debian's binaries under /usr/lib/postgresql/<highest version>/bin (never whatever pg_ctl is on the PATH).
# As root the server runs as the postgres system user (initdb refuses root); otherwise as the calling user.

pg_test_server_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pg_test_server_dir="$pg_test_server_root/.build/pg"
# Why the server is not running, for test.sh's closing line; empty once it runs.
pg_test_server_problem=""

# The newest Debian PostgreSQL bin folder that has initdb, or nothing.
pg_test_server_bin() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] || continue
    best="$(printf '%s\n%s\n' "$best" "$dir" | sed '/^$/d' | sort -V | tail -1)"
  done
  printf '%s' "$best"
}

# Runs a command as the server's owner: postgres when we are root, else ourselves.
pg_test_server_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on now (the OS chooses; a probe of random ports without python3).
pg_test_server_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return 0
  fi
  local port tries
  for tries in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# Stops a server left in the folder (by a run that was killed) and removes the folder.
pg_test_server_stop() {
  local bin data pid
  data="$pg_test_server_dir/data"
  if [ -f "$data/postmaster.pid" ]; then
    bin="$(pg_test_server_bin)"
    if [ -n "$bin" ]; then
      pg_test_server_as_owner "$bin/pg_ctl" -D "$data" stop -m fast -w -t 30 >/dev/null 2>&1
    fi
    # Still there (no pg_ctl, or it did not stop in time): end that one process, the server we started.
    if [ -f "$data/postmaster.pid" ]; then
      pid="$(head -1 "$data/postmaster.pid" 2>/dev/null)"
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; sleep 1; fi
    fi
  fi
  rm -rf "$pg_test_server_dir"
}

# Starts the server; on success exports CROSSCHECK_TEST_POSTGRES, else sets pg_test_server_problem and returns 1.
pg_test_server_start() {
  local bin data log port attempt line
  pg_test_server_problem=""
  bin="$(pg_test_server_bin)"
  if [ -z "$bin" ]; then
    pg_test_server_problem="PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
    return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    pg_test_server_problem="running as root but there is no postgres system user to run the server as"
    return 1
  fi
  pg_test_server_stop
  data="$pg_test_server_dir/data"
  log="$pg_test_server_dir/server.log"
  mkdir -p "$data" && chmod 755 "$pg_test_server_dir" && chmod 700 "$data" && : >"$log" || {
    pg_test_server_problem="cannot create $data"
    return 1
  }
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$data" "$log" || { pg_test_server_problem="cannot hand $data to the postgres user"; return 1; }
    if ! pg_test_server_as_owner test -w "$data"; then
      pg_test_server_problem="the postgres user cannot reach $data (a folder above it is closed to other users)"
      return 1
    fi
  fi

  # C.UTF-8 so that lower() and ILIKE know non-ASCII letters; plain C where that locale is missing.
  if ! pg_test_server_as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >>"$log" 2>&1 \
    && ! { rm -rf "${data:?}"/* && pg_test_server_as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync --no-instructions >>"$log" 2>&1; }; then
    pg_test_server_problem="initdb failed ($(tail -1 "$log"))"
    return 1
  fi
  # Loopback only: the socket in the data folder and 127.0.0.1; nothing else is let in.
  printf '%s\n' "local all all trust" "host all all 127.0.0.1/32 trust" | pg_test_server_as_owner tee "$data/pg_hba.conf" >/dev/null

  # The socket path must fit in 107 bytes; without it the server still answers on TCP, which is all the tests use.
  local sockets="$data"
  [ ${#data} -le 90 ] || sockets=""
  for attempt in 1 2 3; do
    port="$(pg_test_server_free_port)" || { pg_test_server_problem="no free port found on 127.0.0.1"; return 1; }
    {
      echo "# Written by .ci/postgres.sh: a server for tests only."
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$sockets'"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
      echo "max_connections = 300"
    } | pg_test_server_as_owner tee "$data/postgresql.auto.conf" >/dev/null
    if pg_test_server_as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 2>&1; then
      for line in $(seq 1 60); do
        if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 1; then
          export CROSSCHECK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
          return 0
        fi
        sleep 0.5
      done
      pg_test_server_problem="the server started but did not answer on 127.0.0.1:$port"
      pg_test_server_stop
      return 1
    fi
    # Most likely another process took the port between the probe and the start: try another.
  done
  pg_test_server_problem="the server did not start ($(grep -E 'FATAL|ERROR' "$log" | tail -1))"
  pg_test_server_stop
  return 1
}

# Run as a script (not sourced): start prints an export line for eval; stop stops.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    start)
      if pg_test_server_start; then
        printf 'export CROSSCHECK_TEST_POSTGRES=%q\n' "$CROSSCHECK_TEST_POSTGRES"
        echo "postgres.sh: PostgreSQL is running, data in $pg_test_server_dir/data ($CROSSCHECK_TEST_POSTGRES)" >&2
      else
        echo "postgres.sh: $pg_test_server_problem" >&2
        exit 1
      fi
      ;;
    stop) pg_test_server_stop ;;
    *) echo "usage: .ci/postgres.sh start|stop" >&2; exit 2 ;;
  esac
fi
