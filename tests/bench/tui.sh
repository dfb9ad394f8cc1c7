#!/bin/sh
# tui.sh SHOP.db - how long the full-screen interface takes to show its
# first screen.  Not part of "make check": "make bench" (shop.sh) runs
# it on each shop; tests/cli/bench.sh runs it at a tiny size, untimed.
# The target (issue 17): under 200 ms at 1M members / 10M sales.
#
# The real program runs in tmux at 80x24 with MEMBERDESK_TUI_IDLE set:
# once it has drawn and waits for a key it puts "memberdesk idle 0" in
# the pane's title (src/tui/tui.c), after the frame.  The pane's shell
# writes the clock to a file just before it starts the program; this
# script asks tmux for the title without pause until it is there, and
# checks that the screen shows the first screen's text (FIRST_TEXT).
# The anchor goes the same way: the pane runs "memberdesk settings show"
# (the same process start and open, one read) and then sets the same
# title, so both figures carry the same start and the same polling.
#
# Prints "maintained MS ANCHOR-MS" (medians of BENCH_RUNS, default 5)
# for a maintained day ($MEMBERDESK_NOW as given), then "next-day MS
# ANCHOR-MS" for the first screen of the next day (the daily rules
# first, on a fresh copy of SHOP each run) when BENCH_TUI_NEXT_DAY is
# set to that date, beside the same anchor (a maintained day), as
# shop.sh sets the first command of a day.  The program is stopped once
# its screen is there: what it wrote is checkpointed by the next
# opener, so no anchor is run after it.
set -eu

: "${MEMBERDESK:=src/memberdesk}"
: "${TMUX_BIN:=tmux}"
: "${BENCH_TUI_TEXT:=Find a member}"
shop=$1
runs=${BENCH_RUNS:-5}
dir=${BENCH_DIR:-bench-data}
# The pane's shell runs where tmux's server started: absolute paths.
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
MEMBERDESK=$(abs "$MEMBERDESK")
mkdir -p "$dir"
dir=$(abs "$dir")
shop=$(abs "$shop")
w="$dir/tui.db"

conf="$(abs "$(dirname "$0")")/../tui/tmux.conf"
# The server's socket in $dir, not in /tmp's tmux-UID/ (as tests/tui/tui.sh).
tmux_() { "$TMUX_BIN" -S "$dir/tmux.sock" -f "$conf" "$@"; }
fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
trap 'tmux_ kill-server 2>/dev/null || :; fresh "$w"; rm -f "$dir/tmux.sock" "$dir/.t0" "$dir/.tui" "$dir/.pane"' EXIT
# A session that outlives the runs, so that the server is up before the
# first is timed.
tmux_ new-session -d -x 80 -y 24 -s keep "sleep 3600"

# once NAME COMMAND TEXT: run COMMAND in a new 80x24 pane (its shell
# writes the clock to .t0 first); print the ms from there until the
# pane's title says idle, once the screen is seen to show TEXT.
once() {
	rm -f "$dir/.t0"
	{
		echo "export LC_ALL='$LC_ALL' TZ='$TZ' MEMBERDESK_NOW='$MEMBERDESK_NOW' MEMBERDESK_TUI_IDLE=1"
		echo "date +%s%N >'$dir/.t0'"
		echo "$2"
		echo "sleep 3600"
	} >"$dir/.pane"
	tmux_ new-session -d -x 80 -y 24 -s "$1" "sh '$dir/.pane'"
	_n=0
	until [ "$(tmux_ display-message -p -t "$1" '#{pane_title}')" = "memberdesk idle 0" ]; do
		_n=$((_n + 1))
		[ "$_n" -lt 100000 ] || { echo "tui.sh: no first screen: $2" >&2; tmux_ capture-pane -p -t "$1" >&2; exit 1; }
	done
	_t1=$(date +%s%N)
	tmux_ capture-pane -p -t "$1" >"$dir/.tui"
	tmux_ kill-session -t "$1"
	grep -q "$3" "$dir/.tui" || { echo "tui.sh: not the first screen:" >&2; cat "$dir/.tui" >&2; exit 1; }
	echo $(((_t1 - $(cat "$dir/.t0")) / 1000000))
}

# median PREP NAME COMMAND TEXT: the median of $runs onces.
median() {
	: >"$dir/.ms"
	_i=0
	while [ "$_i" -lt "$runs" ]; do
		$1
		once "$2$_i" "$3" "$4" >>"$dir/.ms"
		_i=$((_i + 1))
	done
	sort -n "$dir/.ms" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
	rm -f "$dir/.ms"
}

copy() { fresh "$w"; cp "$shop" "$w"; }
none() { :; }
tui="'$MEMBERDESK' --db '$w'"
# The title the program sets, set by the anchor's pane once it is done.
anchor="'$MEMBERDESK' --db '$w' settings show >/dev/null && printf '\\033]2;memberdesk idle 0\\007' && echo 'anchor done'"

copy
"$MEMBERDESK" --db "$w" settings show >/dev/null	# the day, maintained
# (Assigned first: a failed run ends the script.)
t=$(median none tui "$tui" "$BENCH_TUI_TEXT")
a=$(median none anchor "$anchor" "anchor done")
echo "maintained $t $a"
if [ -n "${BENCH_TUI_NEXT_DAY:-}" ]; then
	MEMBERDESK_NOW="$BENCH_TUI_NEXT_DAY 10:00:00"
	export MEMBERDESK_NOW
	t=$(median copy tui "$tui" "$BENCH_TUI_TEXT")
	echo "next-day $t $a"
fi
