#!/bin/sh
# import.sh - how long "memberdesk import" takes next to sqlite3's own
# ".import" of the same file, and how much memory it needs.  Not part of
# "make check": "make bench".
#
# BENCH_IMPORT_MEMBERS (default 1000000) members are written once as a
# CSV with Chinese headers under $BENCH_DIR; the UCI Online Retail file
# (541,909 line items) is read from ../shared/data when it is there.
set -eu

: "${MEMBERDESK:=src/memberdesk}"
: "${SQLITE3:=sqlite3}"
members=${BENCH_IMPORT_MEMBERS:-1000000}
dir=${BENCH_DIR:-bench-data}
csv="$dir/members-$members.csv"
retail="${SHARED_DATA:-../shared/data}/online_retail/online_retail.csv"
export MEMBERDESK_NOW="2026-11-23 10:00:00"
unset LANGUAGE
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

timed() {
	_label=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %M" -o "$dir/.time" "$@" >/dev/null 2>&1 ||
			echo "($_label failed)"
		read -r _secs _kb <"$dir/.time"
		printf '%-34s %8s s %10s KiB max RSS\n' "$_label" "$_secs" "$_kb"
	else
		printf '%s\n' "$_label"
		time "$@" >/dev/null 2>&1 || echo "($_label failed)"
	fi
}

fresh() { rm -f "$1" "$1-wal" "$1-shm"; }

mkdir -p "$dir"
if [ ! -f "$csv" ]; then
	echo "writing $members members to $csv (once)"
	awk -v n="$members" 'BEGIN {
		split("王 李 张 刘 陈 杨 黄 赵 吴 周", s, " ");
		split("伟 芳 娜 敏 静 丽 强 磊 军 洋", g, " ");
		print "卡号,姓名,手机,生日,当前积分,卡内余额,备注";
		for (i = 1; i <= n; i++)
			printf "%d,%s%s%s,13%09d,19%02d-%02d-%02d,%d,%d.%02d,\"第%d号, \"\"老客\"\"\"\n",
				2000000 + i, s[i % 10 + 1], g[int(i / 10) % 10 + 1],
				g[int(i / 100) % 10 + 1], i, 50 + i % 50,
				1 + i % 12, 1 + i % 28, i % 5000, i % 1000, i % 100, i;
	}' >"$csv.tmp"
	mv "$csv.tmp" "$csv"
fi
fresh "$dir/import.db"
"$MEMBERDESK" --db "$dir/import.db" settings show >/dev/null
timed "import members ($members)" "$MEMBERDESK" --db "$dir/import.db" import members "$csv"
fresh "$dir/raw.db"
timed "sqlite3 .import of the same file" "$SQLITE3" "$dir/raw.db" ".import --csv $csv t"
if [ -r "$retail" ]; then
	fresh "$dir/retail.db"
	"$MEMBERDESK" --db "$dir/retail.db" settings show >/dev/null
	timed "import sales (UCI Online Retail)" "$MEMBERDESK" --db "$dir/retail.db" \
		import sales "$retail" --create-members
	fresh "$dir/raw.db"
	timed "sqlite3 .import of the same file" "$SQLITE3" "$dir/raw.db" ".import --csv $retail t"
else
	echo "skipped the UCI Online Retail file: not found at $retail"
fi
fresh "$dir/import.db"
fresh "$dir/retail.db"
fresh "$dir/raw.db"
