#!/bin/sh
# valgrind.sh - no leaks and no invalid memory use in the common commands
. "$top_srcdir/tests/lib.sh"

[ -n "${MEMBERDESK_SANITIZED:-}" ] && skip_all "a sanitizer build checks this itself"
[ -n "${VALGRIND:-}" ] && command -v "$VALGRIND" >/dev/null 2>&1 ||
	skip_all "valgrind is not installed"

# vg_out OUT ARG...: memberdesk ARG... on $DB (a later --db wins) with
# standard output to OUT, under valgrind; vg: to /dev/null.
vg_out() {
	_to=$1
	shift
	"$VALGRIND" -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --error-exitcode=99 \
		--log-file="$T/vg.log" "$MEMBERDESK" --db "$DB" "$@" >"$_to" 2>&1
	_rc=$?
	if [ "$_rc" -eq 99 ] || [ -s "$T/vg.log" ]; then
		fail "valgrind: $*"
		diag "$(cat "$T/vg.log")"
	else
		pass "valgrind clean: $*"
	fi
}
vg() { vg_out /dev/null "$@"; }

vg member add --phone 13800138000 --name 张三 --tag VIP --tag 学生 --birthday 1990-05-01
vg member add --phone 13900139000 --name 李四 --referrer 100008 --note "两行
备注"
vg member add --phone 13800138000 --name 重复
vg member show 100008
vg member show 100016 --format csv
vg member find 8000
vg member find 张
vg member find 张三丰x
vg member list --format tsv
vg member edit 100016 --birthday 02-29 --gender 女
vg member tag 100016 常客
vg member merge 100008 100016
vg settings show
vg settings set shop_name 茶馆
vg audit --limit 5
vg member show nosuch
vg wallet rules set 100:20
vg wallet recharge 100008 --amount 300
vg sale add 100008 --amount 128.50 --ticket T1
vg sale add 100008 --amount 100 --use-points 50 --pay wallet
vg sale add --amount 9.99
vg sale void 1 --reason test
vg sale list --format csv
vg sale receipt 2
vg points adjust 100008 +100 --reason test
vg points history 100008
vg points expire
vg wallet refund 100008 --amount 10
vg wallet history 100008
vg tier list
vg tier evaluate --dry-run
vg member show 100008
vg report rfm
vg report rfm --members --format csv
vg member list --segment no_purchase
vg report types --members
vg report weekly --format csv
vg report weekly -o "$T/weekly.txt"
vg report birthdays --within 30
vg report sales --by category
vg report shift --preview
vg report shift --format csv
vg audit --action shift.report --from 2026-01-01
vg check
D="$top_srcdir/tests/data"
vg import members "$D/members_gbk.csv" --dry-run
vg import members "$D/members_gbk.csv"
vg import members "$D/members_bad.csv" --errors "$T/errors.csv"
vg import members "$D/members_big5.csv" --encoding big5 --skip-bad
vg import sales "$D/sales_items.csv" --create-members --returns net
vg import points "$D/points.csv"
vg import wallet "$D/wallet.csv"
vg export members --encoding gb18030 -o "$T/m.csv"
vg export sales --bom
vg export points -o /dev/full

# Output on a full disk.
if [ -w /dev/full ]; then
	for cmd in "member list" "member show 100008" "sale receipt 2" "report rfm --members" \
		   "report weekly" "export members" "export sales --encoding gb18030" \
		   "points history 100008" "tier evaluate --dry-run" "audit"; do
		vg_out /dev/full $cmd
	done
fi

# Damaged and foreign databases: the error paths.
cp "$DB" "$T/good.db"
head -c 4096 "$T/good.db" >"$T/cut.db"
vg --db "$T/cut.db" member list
vg --db "$T/cut.db" sale add 100008 --amount 10
cp "$T/good.db" "$T/mid.db"
dd if=/dev/zero of="$T/mid.db" bs=4096 seek=20 count=8 conv=notrunc 2>/dev/null
vg --db "$T/mid.db" check
vg --db "$T/mid.db" report rfm
printf '卡号,姓名\n1,张三\n' >"$T/csv.db"
vg --db "$T/csv.db" member list
mkfifo "$T/fifo.db"
vg --db "$T/fifo.db" member list
"$MEMBERDESK" --db "$T/other.db" member add --phone 13500135000 --name 别家 >/dev/null
printf 'PRAGMA wal_autocheckpoint=0;\nINSERT INTO settings VALUES ('"'"'shop_name'"'"', '"'"'x'"'"');\n.system cp %s-wal %s-wal\n' \
	"$T/other.db" "$T/good.db" | "$SQLITE3" "$T/other.db" >/dev/null
vg --db "$T/good.db" member show 100008

done_testing
