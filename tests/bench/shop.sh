#!/bin/sh
# shop.sh - make bench: memberdesk on shops of 10k, 100k and 1M members,
# each figure beside its anchor measured in the same run on the same file.
#
# The shops are made up by "memberdesk demo-data" (N members, 10N sales
# over two years up to 2026-11-23) and enter through "memberdesk import",
# like a real shop; the CSV files and the imported shops are kept in
# $BENCH_DIR for the next run.  Each operation runs $BENCH_RUNS times on a
# fresh copy where it writes; the table shows the median wall time, the
# rows per second where rows are read, the peak memory (max RSS), the
# anchor's figures and the ratio of the two:
#   imports        sqlite3 .import of the same CSV into a plain table
#   daily rules    the same command on a day already maintained
#   reports        one SQL query (RFM quintiles) in the sqlite3 shell,
#                  over the covering index sales_counted
#   member find    an indexed point lookup on the same connection
#                  (bench_find, in-process, p50 and p99)
#   check          PRAGMA quick_check in the sqlite3 shell (what check
#                  runs); check --full beside PRAGMA integrity_check
#   sale add       the same command on a day already maintained
#   TUI            the first screen drawn, in tmux at 80x24 (tui.sh),
#                  on a maintained day and on the first of a day, beside
#                  "settings show" started in the same way (process
#                  start, open, one read)
#   call list PDF  report rfm --members as a PDF (every member, page by
#                  page: the memory must not grow with the members)
#                  beside the same rows as CSV
# The UCI Online Retail file is imported beside sqlite3 .import when it
# is in $SHARED_DATA.  Not part of "make check" (tests/cli/bench.sh runs
# this at a tiny size there, untimed).
#
# BENCH_SIZES       members of each shop (default "10000 100000 1000000")
# BENCH_RUNS        runs of each operation (default 5; 3 from 1M members)
# BENCH_FIND_RUNS   member_find calls per query (default 200)
# BENCH_IMPORT_MAX  larger shops are imported once to build the cache,
#                   not timed again (default 1000000)
# BENCH_RETAIL      0: skip the UCI Online Retail case
# BENCH_FULL_CHECK  0: skip check --full (the integrity check: minutes
#                   at 10M sales)
# TMUX_BIN          tmux, for the TUI's figures (none: not measured)
# BENCH_OUT         a Markdown file whose generated part (between the
#                   bench:begin and bench:end comments) gets the table
set -eu

: "${MEMBERDESK:=src/memberdesk}"
: "${SQLITE3:=sqlite3}"
: "${BENCH_FIND:=tests/bench/bench_find}"
sizes=${BENCH_SIZES:-"10000 100000 1000000"}
dir=${BENCH_DIR:-bench-data}
out=${BENCH_OUT:-}
retail="${SHARED_DATA:-../shared/data}/online_retail/online_retail.csv"
import_max=${BENCH_IMPORT_MAX:-1000000}
find_runs=${BENCH_FIND_RUNS:-200}
today=2026-11-23
unset LANGUAGE MEMBERDESK_OPERATOR MEMBERDESK_PIN
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai MEMBERDESK_NOW="$today 10:00:00"

mkdir -p "$dir"
table="$dir/.table"
: >"$table"
w="$dir/work.db"
have_time=false
[ -x /usr/bin/time ] && have_time=true

md() { "$MEMBERDESK" --db "$w" "$@"; }
fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
copy() { fresh "$2"; cp "$1" "$2"; }
at() { MEMBERDESK_NOW="$1 10:00:00"; export MEMBERDESK_NOW; }

# measure PREP CMD...: run PREP (untimed) then CMD, $runs times; sets
# ms (the median wall time) and kb (the largest max RSS).
measure() {
	_prep=$1
	shift
	_i=0
	: >"$dir/.ms"
	kb=0
	while [ "$_i" -lt "$runs" ]; do
		$_prep
		_t0=$(date +%s%N)
		if $have_time; then
			/usr/bin/time -f %M -o "$dir/.kb" "$@" >/dev/null 2>"$dir/.err" ||
				{ cat "$dir/.err" >&2; echo "shop.sh: failed: $*" >&2; exit 1; }
			_k=$(tail -n 1 "$dir/.kb")
			[ "$_k" -gt "$kb" ] && kb=$_k
		else
			"$@" >/dev/null 2>"$dir/.err" ||
				{ cat "$dir/.err" >&2; echo "shop.sh: failed: $*" >&2; exit 1; }
		fi
		echo $((($(date +%s%N) - _t0) / 1000)) >>"$dir/.ms"
		_i=$((_i + 1))
	done
	ms=$(sort -n "$dir/.ms" | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }')
}

# row SHOP OPERATION ROWS ANCHOR: one line of the table, from the last
# two measures (the figure in f_ms/f_kb, the anchor in ms/kb).
row() {
	awk -v shop="$1" -v op="$2" -v rows="$3" -v anchor="$4" -v fm="$f_ms" \
	    -v fk="$f_kb" -v am="$ms" -v ak="$kb" 'BEGIN {
		rps = rows > 0 && fm > 0 ? sprintf("%.0f", rows / (fm / 1000)) : "";
		mib = fk > 0 ? sprintf("%.1f", fk / 1024) : "";
		amib = ak > 0 ? sprintf("%.1f", ak / 1024) : "";
		ratio = am > 0 ? sprintf("%.2f", fm / am) : "";
		printf "| %s | %s | %.1f | %s | %s | %s | %.1f | %s | %s |\n",
			shop, op, fm, rps, mib, anchor, am, amib, ratio;
	}' | tee -a "$table"
}

figure() { f_ms=$ms f_kb=$kb; }
none() { :; }

# import_case SHOP KIND CSV ROWS DB_PREP [OPTIONS]: import beside .import.
import_case() {
	_shop=$1 _kind=$2 _csv=$3 _rows=$4 _prep=$5
	shift 5
	measure "$_prep" "$MEMBERDESK" --db "$w" import "$_kind" "$_csv" "$@"
	figure
	measure raw_prep "$SQLITE3" "$dir/raw.db" ".import --csv $_csv t"
	row "$_shop" "import $_kind" "$_rows" "sqlite3 .import"
}
raw_prep() { fresh "$dir/raw.db"; }

rfm_sql="WITH b AS (SELECT member_id, max(sold_at) AS last, count(*) AS f, sum(paid) AS m
  FROM sales WHERE member_id IS NOT NULL AND voided_at IS NULL GROUP BY member_id),
s AS (SELECT ntile(5) OVER (ORDER BY last) AS r, ntile(5) OVER (ORDER BY f) AS fs,
             ntile(5) OVER (ORDER BY m) AS ms, m FROM b)
SELECT r >= 3, fs >= 3, ms >= 3, count(*), sum(m) FROM s GROUP BY 1, 2, 3;"

# reports SHOP ROWS DB: report rfm and report weekly beside the SQL query.
reports() {
	measure none "$SQLITE3" "$3" "$rfm_sql"
	a_ms=$ms a_kb=$kb
	for _r in rfm weekly types; do
		measure none "$MEMBERDESK" --db "$3" report "$_r"
		figure
		ms=$a_ms kb=$a_kb
		row "$1" "report $_r" "$2" "RFM in one SQL query"
	done
}

# The daily rules: the shop as of Saturday 28 November; its Sunday, and
# the Monday after that Sunday (a new week: the weekly snapshot).
day_prep() { copy "$base" "$w"; }
week_prep() { copy "$base" "$w"; at 2026-11-29; md settings show >/dev/null; at 2026-11-30; }
daily() {
	at 2026-11-29
	measure day_prep "$MEMBERDESK" --db "$w" settings show
	figure
	measure none "$MEMBERDESK" --db "$w" settings show
	maintained_ms=$ms maintained_kb=$kb
	row "$1" "first command of a day" "" "a maintained day"
	measure week_prep "$MEMBERDESK" --db "$w" settings show
	figure
	ms=$maintained_ms kb=$maintained_kb
	row "$1" "first command of a new week" "" "a maintained day"
}

# find SHOP: bench_find's p50 and p99 (ms) beside the point lookup's.
finds() {
	_card=$("$SQLITE3" "$w" "SELECT card FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1")
	_phone=$("$SQLITE3" "$w" "SELECT phone FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1")
	_name=$("$SQLITE3" "$w" "SELECT name FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1")
	_tail=$(printf '%s' "$_phone" | awk '{ print substr($0, length($0) - 3) }')
	"$BENCH_FIND" "$w" "$find_runs" "$_card" "card=$_card" "phone=$_phone" \
		"last-4-digits=$_tail" "one-character-伟=伟" "one-character-王=王" \
		"two-characters=$(printf '%s' "$_name" | cut -c1-6)" "a-name=$_name" >"$dir/.find"
	read -r _ a50 a99 _ <"$dir/.find"
	tail -n +2 "$dir/.find" | while read -r _label p50 p99 _found; do
		awk -v shop="$1" -v op="member find, $_label ($_found shown)" -v p50="$p50" \
		    -v p99="$p99" -v a50="$a50" -v a99="$a99" 'BEGIN {
			printf "| %s | %s | p50 %.2f, p99 %.2f | | | point lookup | p50 %.3f, p99 %.3f | | %.0f |\n",
				shop, op, p50 / 1000, p99 / 1000, a50 / 1000, a99 / 1000,
				(a99 > 0 ? p99 / a99 : 0);
		}' | tee -a "$table"
	done
}

counter() {
	measure none "$MEMBERDESK" --db "$w" check
	figure
	measure none "$SQLITE3" "$w" "PRAGMA quick_check"
	row "$1" "check" "$2" "PRAGMA quick_check"
	if [ "${BENCH_FULL_CHECK:-1}" != 0 ]; then
		measure none "$MEMBERDESK" --db "$w" check --full
		figure
		measure none "$SQLITE3" "$w" "PRAGMA integrity_check"
		row "$1" "check --full" "$2" "PRAGMA integrity_check"
	fi
	_card=$("$SQLITE3" "$w" "SELECT card FROM members WHERE status = 'active' LIMIT 1")
	measure none "$MEMBERDESK" --db "$w" sale add "$_card" --amount 50
	figure
	ms=$maintained_ms kb=$maintained_kb
	row "$1" "sale add" "" "a maintained day"
}

# screens SHOP: the TUI's first screen (tui.sh: the median of $runs in
# tmux) beside settings show in the same pane, on the shop as of 28
# November (maintained), then on the 29th (the daily rules first).
screens() {
	if ! command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1; then
		echo "| $1 | TUI first screen | not measured: no tmux | | | | | | |" | tee -a "$table"
		return 0
	fi
	at 2026-11-28
	BENCH_RUNS=$runs BENCH_TUI_NEXT_DAY=2026-11-29 MEMBERDESK="$MEMBERDESK" BENCH_DIR="$dir" \
		$SHELL "$(dirname "$0")/tui.sh" "$base" >"$dir/.screens" ||
		{ echo "shop.sh: failed: tui.sh $base" >&2; exit 1; }
	while read -r _when _ms _anchor; do
		[ "$_when" = maintained ] && _op="TUI first screen" || _op="TUI first screen of a day"
		f_ms=$_ms f_kb=0 ms=$_anchor kb=0
		row "$1" "$_op" "" "settings show, the same way"
	done <"$dir/.screens"
}

# paper SHOP: the call list of every member as a PDF beside the CSV.
paper() {
	measure none "$MEMBERDESK" --db "$w" report rfm --members --format pdf -o "$dir/calls.pdf"
	figure
	measure none "$MEMBERDESK" --db "$w" report rfm --members --format csv -o "$dir/calls.csv"
	row "$1" "call list PDF (report rfm --members)" "$1" "the same rows as CSV"
	rm -f "$dir/calls.pdf" "$dir/calls.csv"
}

# The shop of N members: its CSV files, then the import (timed beside
# sqlite3's), kept as $base with the daily rules done to 28 November.
shop() {
	n=$1
	sales=$((n * 10))
	csv="$dir/demo-$n"
	base="$dir/shop-$n.db"
	runs=${BENCH_RUNS:-5}
	[ "$n" -ge 1000000 ] && runs=${BENCH_RUNS:-3}
	if [ ! -f "$csv/sales.csv" ]; then
		echo "writing $n members and $sales sales to $csv (once)" >&2
		rm -rf "$csv.tmp" && mkdir -p "$csv.tmp"
		"$MEMBERDESK" demo-data --members "$n" --sales "$sales" --today "$today" "$csv.tmp"
		mv "$csv.tmp" "$csv"
	fi
	at "$today"
	if [ ! -f "$base" ] || [ "$n" -le "$import_max" ]; then
		[ "$n" -gt "$import_max" ] && runs=1
		import_case "$n" members "$csv/members.csv" "$n" members_prep
		cp "$w" "$dir/members-$n.db"
		import_case "$n" sales "$csv/sales.csv" "$sales" sales_prep
		rm -f "$dir/members-$n.db"
		if [ ! -f "$base" ]; then
			md settings set backup_keep 0 >/dev/null
			at 2026-11-28
			md settings show >/dev/null
			mv "$w" "$base"
		fi
		runs=${BENCH_RUNS:-5}
		[ "$n" -ge 1000000 ] && runs=${BENCH_RUNS:-3}
	else
		echo "| $n | imports | not timed (BENCH_IMPORT_MAX=$import_max) | | | | | | |" >>"$table"
	fi
	daily "$n"
	reports "$n" "$sales" "$w"
	paper "$n"
	finds "$n"
	counter "$n" "$sales"
	screens "$n"
}
members_prep() { fresh "$w"; "$MEMBERDESK" --db "$w" settings set backup_keep 0 >/dev/null; }
sales_prep() { copy "$dir/members-$n.db" "$w"; }

retail_case() {
	runs=${BENCH_RUNS:-3}
	at 2011-12-10
	rows=$(($(wc -l <"$retail") - 1))
	import_case "UCI Online Retail" sales "$retail" "$rows" members_prep --create-members
	reports "UCI Online Retail" "$rows" "$w"
}

for n in $sizes; do
	shop "$n"
done
if [ "${BENCH_RETAIL:-1}" != 0 ] && [ -r "$retail" ]; then
	retail_case
elif [ "${BENCH_RETAIL:-1}" != 0 ]; then
	echo "| UCI Online Retail | not measured: no $retail | | | | | | | |" >>"$table"
fi

# The generated part of $BENCH_OUT: the machine, the commit, the date.
if [ -n "$out" ]; then
	# The checkout this script is in: the one the binary was built from.
	commit=$(git -C "$(dirname "$0")" describe --always --dirty 2>/dev/null || echo unknown)
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
	{
		echo "<!-- bench:begin (written by tests/bench/shop.sh) -->"
		echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $commit on"
		echo "${cpu:-an unknown CPU}, $(nproc 2>/dev/null || echo '?') cores,"
		echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null) RAM,"
		echo "$(uname -sr), SQLite $("$SQLITE3" -version | cut -d' ' -f1)."
		echo "Times in ms (median of the runs); memory is the peak RSS in MiB;"
		echo "the ratio is the figure over its anchor."
		echo
		echo "| shop | operation | ms | rows/s | MiB | anchor | anchor ms | anchor MiB | ratio |"
		echo "|---|---|---:|---:|---:|---|---:|---:|---:|"
		cat "$table"
		echo "<!-- bench:end -->"
	} >"$dir/.generated"
	if [ -f "$out" ] && grep -q '^<!-- bench:begin' "$out"; then
		awk -v gen="$dir/.generated" '
			/^<!-- bench:begin/ { while ((getline l < gen) > 0) print l; skip = 1; next }
			/^<!-- bench:end/ { skip = 0; next }
			!skip' "$out" >"$out.tmp"
		mv "$out.tmp" "$out"
	else
		cat "$dir/.generated" >>"$out"
	fi
	echo "shop.sh: the table is in $out" >&2
fi
fresh "$w"
fresh "$dir/raw.db"
rm -f "$dir/.ms" "$dir/.kb" "$dir/.err" "$dir/.find" "$dir/.generated" "$dir/.screens"
