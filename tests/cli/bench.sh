#!/bin/sh
# bench.sh - the made-up shop (demo-data) and make bench's scripts, at a
# tiny size so that they cannot rot.  Nothing here is timed.
. "$top_srcdir/tests/lib.sh"

# The generator: deterministic, in the shape the manual promises.
run "$MEMBERDESK" demo-data --members 300 --sales 3000 --today 2026-11-23 "$T"
exits 0 "demo-data writes a shop"
is "$(wc -l <"$T/members.csv" | tr -d ' ')" 301 "300 members and a header"
is "$(wc -l <"$T/sales.csv" | tr -d ' ')" 3001 "3000 sales and a header"
sums=$(cat "$T/members.csv" "$T/sales.csv" | cksum)
mkdir "$T/again"
"$MEMBERDESK" demo-data --members 300 --sales 3000 --today 2026-11-23 "$T/again"
is "$(cat "$T/again/members.csv" "$T/again/sales.csv" | cksum)" "$sums" "the same seed writes the same files"
"$MEMBERDESK" demo-data --members 300 --sales 3000 --today 2026-11-23 --seed 2 "$T/again"
unlike "$(cat "$T/again/members.csv" "$T/again/sales.csv" | cksum)" "$sums" "another seed, another shop"
like "$(head -n 1 "$T/members.csv")" "卡号,姓名,手机,性别,生日,注册日期,当前积分,卡内余额,状态,备注" \
	"the members file has a Chinese system's headers"
like "$(cat "$T/members.csv")" '"老客, 爱喝""铁观音"""' "notes that need quoting are quoted"

run md import members "$T/members.csv"
exits 0 "the members import"
run md import sales "$T/sales.csv"
exits 0 "the sales import"
like "$out" "of them without a member (walk-in)" "some sales are walk-ins'"
is "$(sql "SELECT count(*) FROM members")" 300 "every member imported"
is "$(sql "SELECT count(*) FROM sales")" 3000 "every sale imported"
is "$(sql "SELECT count(*) = count(DISTINCT phone) FROM members")" 1 "phones are unique"
like "$(sql "SELECT count(*) FROM members m WHERE NOT EXISTS (SELECT 1 FROM sales s WHERE s.member_id = m.id)")" "" \
	"members without sales: counted"
is "$(sql "SELECT count(*) > 30 AND count(*) < 150 FROM members m WHERE NOT EXISTS (SELECT 1 FROM sales s WHERE s.member_id = m.id)")" 1 \
	"some members never bought"
is "$(sql "SELECT count(*) > 0 FROM sales WHERE promo")" 1 "some sales are promotions"
is "$(sql "SELECT count(*) > 200 FROM members WHERE birthday IS NOT NULL")" 1 "most members have a birthday"
is "$(sql "SELECT count(*) > 0 FROM members WHERE wallet_principal > 0")" 1 "some hold stored value"
is "$(sql "SELECT count(*) > 100 FROM members WHERE points > 0")" 1 "many hold points"
is "$(sql "SELECT count(*) > 0 FROM members WHERE status = 'frozen'")" 1 "some cards are frozen"
# Pareto-like: the fifth who spend most spend more than half the money.
is "$(sql "WITH m AS (SELECT sum(paid) AS s FROM sales WHERE member_id IS NOT NULL GROUP BY member_id ORDER BY s DESC)
	SELECT (SELECT sum(s) FROM (SELECT s FROM m LIMIT 60)) * 2 > (SELECT sum(s) FROM m)")" 1 \
	"the top fifth of the members spend more than half"
run md check
exits 0 "the imported shop adds up"

# Bad input: a clear message, and nothing written.
rm -rf "$T/none"
mkdir "$T/none"
run "$MEMBERDESK" demo-data --members 0 "$T/none"
exits 1 "no members: refused"
like "$err" "members must be 1 to" "and says why"
run "$MEMBERDESK" demo-data --members x "$T/none"
exits 2 "a members count that is not a number"
like "$err" '--members needs a whole number from 0 to' "and says so"
run "$MEMBERDESK" demo-data --members 5 --years 0 "$T/none"
exits 1 "no years of sales: refused"
like "$err" "years must be 1 to 10" "and says why"
run "$MEMBERDESK" demo-data --members 5
exits 2 "no directory"
like "$err" "which directory?" "and asks for it"
run "$MEMBERDESK" demo-data --members 5 "$T/nowhere/at/all"
exits 1 "a directory that is not there"
like "$err" "cannot write $T/nowhere/at/all/members.csv" "names the file"
run "$MEMBERDESK" --help
unlike "$out" "demo-data" "not listed among the commands"

# make bench's scripts on a tiny shop: every operation runs, the table
# is written with its anchors; no figure is looked at.
run env BENCH_SIZES=40 BENCH_RUNS=1 BENCH_FIND_RUNS=3 BENCH_RETAIL=0 \
	BENCH_DIR="$T/bench" BENCH_OUT="$T/perf.md" $SHELL "$top_srcdir/tests/bench/shop.sh"
exits 0 "shop.sh runs"
perf=$(cat "$T/perf.md" 2>/dev/null)
for op in "import members" "import sales" "first command of a day" \
	"first command of a new week" "report rfm" "report weekly" "member find, one-character" \
	check "check --full" "sale add" "call list PDF"; do
	like "$perf" "| 40 | $op" "the table has $op"
done
like "$perf" "sqlite3 .import" "beside its anchors"
if [ -n "${TMUX_BIN:-}" ]; then
	like "$perf" "| 40 | TUI first screen | " "the table has the TUI's first screen"
	like "$perf" "| 40 | TUI first screen of a day | " "and the first screen of a day"
else
	like "$perf" "| 40 | TUI first screen | not measured: no tmux" "no tmux: the TUI is not measured"
fi
like "$perf" "at commit" "with the commit"
printf 'kept\n<!-- bench:begin -->\nold\n<!-- bench:end -->\nkept too\n' >"$T/perf.md"
run env BENCH_SIZES=40 BENCH_RUNS=1 BENCH_FIND_RUNS=3 BENCH_RETAIL=0 \
	BENCH_DIR="$T/bench" BENCH_OUT="$T/perf.md" $SHELL "$top_srcdir/tests/bench/shop.sh"
exits 0 "shop.sh runs again, from its cache"
is "$(sed -n '1p;$p' "$T/perf.md" | tr '\n' ' ')" "kept kept too " "only the generated part is replaced"
unlike "$(cat "$T/perf.md")" "old" "the old table is gone"
run env BENCH_COUPON_MEMBERS=30 BENCH_COUPONS=100 BENCH_RUNS=1 BENCH_DIR="$T/bench" \
	$SHELL "$top_srcdir/tests/bench/coupon.sh"
exits 0 "coupon.sh runs"
like "$out" "coupon issue to every member" "and reports the issue"
like "$out" "anchor: INSERT ... SELECT" "beside its anchor"

done_testing
