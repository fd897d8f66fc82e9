#!/usr/bin/env bash
# The Makefile's shell: runs a recipe line with bash, as make would, and when TIFA_STEP_LOG names
# a file, appends one line to it per recipe line that ran: start and end (seconds since the
# epoch), exit status, processor time (user + system seconds of the line and every process it
# waited for: cargo's rustc, node's Chromium) and the line itself (its first 160 characters, on
# one line).
# `make test` sets TIFA_STEP_LOG and prints `scripts/step-times.py`'s summary of it at the end:
# what ran when, the data for making the cold run shorter.
#
#   TIFA_STEP_LOG=/tmp/steps.tsv scripts/step-shell.sh -eu -o pipefail -c 'sleep 1'
if [ -z "${TIFA_STEP_LOG:-}" ]; then exec /bin/bash "$@"; fi
start=$(date +%s.%N)
status=0
/bin/bash "$@" || status=$?
end=$(date +%s.%N)
# The children's user and system time in clock ticks: fields 16 and 17 of /proc/PID/stat, read
# without a fork (a subshell's `times` would count only its own children). Empty elsewhere.
cpu=
if [ -r /proc/$$/stat ]; then
  read -r stat < /proc/$$/stat
  read -r -a f <<< "${stat##*) }"
  cpu=$(( (f[13] + f[14]) * 10 / $(getconf CLK_TCK) ))
  cpu="$((cpu / 10)).$((cpu % 10))"
fi
line="${*: -1}"
line="${line//$'\n'/ }"
line="${line//$'\t'/ }"
printf '%s\t%s\t%s\t%s\t%s\n' "$start" "$end" "$status" "$cpu" "${line:0:160}" >> "$TIFA_STEP_LOG"
exit "$status"
