#!/bin/sh
# disk_full.sh - output that cannot be written is an error, for every command
#
# Every command that prints exits 1 saying "write error" or "No space
# left on device" when its standard output, or its -o FILE, is
# /dev/full; a command that wrote to the database keeps what it wrote.
. "$top_srcdir/tests/lib.sh"

[ -w /dev/full ] || skip_all "/dev/full is not available"

# A shop where every list has something in it, birthdays this month too.
awk 'BEGIN {
	print "卡号,姓名,手机,生日,积分,余额,标签"
	for (i = 0; i < 300; i++)
		printf "%d,会员%d,139%08d,1985-%02d-%02d,%d,%d.00,常客\n", 300000 + i, i, i,
			11 + i % 2, 1 + i % 28, 100 + i, i % 50
}' >"$T/members.csv"
md import members "$T/members.csv" >/dev/null 2>&1
md member add --phone 13800138000 --name 张三 --birthday 1990-11-25 >/dev/null	# 100008
md wallet rules set 100:20 >/dev/null
md wallet recharge 100008 --amount 300 >/dev/null
md sale add 100008 --amount 88 --category 茶叶 --ticket T1 >/dev/null
md sale add 300001 --amount 120 --use-points 100 >/dev/null
md points adjust 100008 +50 --reason 补录 >/dev/null
md sale void T1 --reason 退货 >/dev/null
md tier edit 银卡 --min-spend 50 >/dev/null	# 300001 moves up at the next review
printf '手机,姓名\n13600136000,新人\n,没有手机\n' >"$T/bad.csv"

# full DESC CMD...: CMD with standard output on /dev/full fails saying so.
full() {
	_desc=$1
	shift
	md "$@" >/dev/full 2>"$T/err"
	_rc=$?
	case $_rc:$(cat "$T/err") in
	1:*"memberdesk: "*"write error"*|1:*"memberdesk: "*"No space left on device"*)
		pass "$_desc to a full disk is an error" ;;
	*)	fail "$_desc to a full disk is an error"
		diag "exit $_rc: $(cat "$T/err")" ;;
	esac
}

for cmd in "member list" "member list --format csv" "member list --tag 常客 --format tsv" \
	   "member show 100008" "member show 100008 --format csv" "member find 会员" \
	   "sale list" "sale list --format csv" "sale show 2" "sale receipt 2" \
	   "sale receipt 2 --width 48" "points history 100008" \
	   "points history 100008 --format csv" "wallet history 100008" "wallet rules" \
	   "tier list" "tier evaluate --dry-run" "settings show" "audit" \
	   "audit 100008" "report rfm" "report rfm --members" "report rfm --format csv" \
	   "report types" "report types --members" "report weekly" "report weekly --format csv" \
	   "report birthdays --within 30" "report sales" "report sales --by category" \
	   "export members" "export members --encoding gb18030" "export sales" \
	   "export points" "export wallet" "--help" "sale --help"; do
	full "$cmd" $cmd
done

# -o FILE on a full disk.
for kind in members sales points wallet; do
	run md export "$kind" -o /dev/full
	exits 1 "export $kind -o /dev/full exits 1"
	like "$err" "No space left on device" "export $kind -o /dev/full says the disk is full"
done
run md report weekly -o /dev/full
exits 1 "report weekly -o /dev/full exits 1"
like "$err" "cannot write /dev/full: No space left on device" "and says so"
run md import members "$T/bad.csv" --dry-run --errors /dev/full
exits 1 "import --errors /dev/full exits 1"
like "$err" "No space left on device" "and says the disk is full"

# Commands that change the database: the change is made and kept, and
# the output that could not be written is still an error.
full "sale add" sale add 100008 --amount 10 --ticket T9
is "$(sql "SELECT count(*) FROM sales WHERE ticket = 'T9'")" "1" "the sale is recorded all the same"
n=$(sql "SELECT id FROM sales WHERE ticket = 'T9'")
like "$(cat "$T/err")" \
	"cannot write the receipt: No space left on device; sale $n is recorded all the same (sale receipt $n shows it again)" \
	"and the message says so, so that nobody rings it up again"
full "wallet recharge" wallet recharge 100008 --amount 100
full "points adjust" points adjust 100008 +1 --reason x
full "member add" member add --phone 13700137000 --name 王五
full "import members" import members "$T/bad.csv" --skip-bad
is "$(sql "SELECT count(*) FROM members WHERE phone = '13600136000'")" "1" "the import is kept"
run md check
exits 0 "and everything adds up"

done_testing
