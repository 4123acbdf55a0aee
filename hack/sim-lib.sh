# shellcheck shell=bash
# Start and stop the bundled PBXware API simulator (package pbxware-sim, in simulator/).
# Source this file, then:
#
#   sim_start DIR [EXTRA_ARGS...]   start on 127.0.0.1 and a free port, with a random API key;
#                                   waits until it listens. Sets and exports:
#                                     SIM_PID, SIM_BASE_URL (http://127.0.0.1:PORT/),
#                                     PBXWARE_URL (SIM_BASE_URL + index.php), PBXWARE_API_KEY
#                                   Output goes to DIR/simulator.log.
#   sim_stop                        stop it (safe to call twice; use it in an EXIT trap).
#
# SIM_BIN names the simulator command (default: pbxware-sim on PATH).
# SIM_START_TIMEOUT is the number of seconds to wait for it (default 30).

sim_start() {
    local dir=$1
    shift
    local bin=${SIM_BIN:-pbxware-sim}
    if ! command -v "$bin" >/dev/null 2>&1; then
        echo "sim_start: simulator command '$bin' not found (is the simulator installed in the venv?)" >&2
        return 1
    fi
    mkdir -p "$dir"
    SIM_LOG=$dir/simulator.log
    # A random key for this run only; never printed.
    PBXWARE_API_KEY=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    export PBXWARE_API_KEY
    : >"$SIM_LOG"
    PYTHONUNBUFFERED=1 "$bin" --host 127.0.0.1 --port 0 --api-key "$PBXWARE_API_KEY" "$@" >>"$SIM_LOG" 2>&1 &
    SIM_PID=$!
    export SIM_PID
    local deadline=$((SECONDS + ${SIM_START_TIMEOUT:-30})) url=""
    while :; do
        url=$(sed -nE 's#.*listening on (http://[^[:space:]]+).*#\1#p' "$SIM_LOG" | head -n 1)
        [ -n "$url" ] && break
        if ! kill -0 "$SIM_PID" 2>/dev/null; then
            echo "sim_start: the simulator exited before it was ready; its output:" >&2
            sed 's/^/  | /' "$SIM_LOG" >&2
            SIM_PID=""
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "sim_start: the simulator did not report 'listening on' within ${SIM_START_TIMEOUT:-30}s; its output:" >&2
            sed 's/^/  | /' "$SIM_LOG" >&2
            sim_stop
            return 1
        fi
        sleep 0.1
    done
    case "$url" in */) ;; *) url=$url/ ;; esac
    SIM_BASE_URL=$url
    PBXWARE_URL=${url}index.php
    export SIM_BASE_URL PBXWARE_URL
    echo "simulator: pid $SIM_PID listening on $SIM_BASE_URL (API endpoint $PBXWARE_URL, random API key, log $SIM_LOG)"
}

sim_stop() {
    if [ -n "${SIM_PID:-}" ]; then
        if kill -0 "$SIM_PID" 2>/dev/null; then
            kill -TERM "$SIM_PID" 2>/dev/null || true
            for _ in $(seq 1 50); do
                kill -0 "$SIM_PID" 2>/dev/null || break
                sleep 0.1
            done
            if kill -0 "$SIM_PID" 2>/dev/null; then
                kill -KILL "$SIM_PID" 2>/dev/null || true
            fi
            echo "simulator: stopped (pid $SIM_PID)"
        fi
        wait "$SIM_PID" 2>/dev/null || true
        SIM_PID=""
    fi
}
