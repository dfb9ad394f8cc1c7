#!/bin/sh
# report_weekly.sh - the weekly report against a page-by-page expected
# file; the PDF (pdfinfo, pdftotext); -o, --print through a stand-in lp;
# birthdays and sales
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
expected="$top_srcdir/tests/cli/expected"

# The shop lives through two months, day by day, so that the daily rules
# run as they would: points expire, and on the first day of a week the
# segments of the week before are kept.
at "2025-01-02 09:00:00"
md settings set shop_name 清心茶馆
md settings set points_expiry months:1
A=$(md member add --phone 13800000001 --name 张三 --birthday 1990-11-23)
B=$(md member add --phone 13800000002 --name 李四)
C=$(md member add --phone 13800000003 --name 王五)
D=$(md member add --phone 13800000004 --name 欧阳娜娜 --birthday 11-29)
E=$(md member add --phone 13800000005 --name 赵六 --birthday 1985-11-25)
F=$(md member add --phone 13800000006 --name 司马相如)
G=$(md member add --phone 13800000007 --name 上官婉儿)
H=$(md member add --phone 13800000008 --name 诸葛亮 --birthday 2000-11-30)
# Enough birthdays in the week after to need a second page.
for i in 11 12 13 14 15 16 17 18 19 20 21 22; do
	md member add --phone 139000000$i --name "寿星$i" --birthday "19$((50 + i))-11-$((23 + i % 7))" >/dev/null
done

sale() { md sale add "$@" >/dev/null; }
at "2026-09-01 10:00:00"; sale "$B" --amount 300
at "2026-09-15 10:00:00"; sale "$B" --amount 300
at "2026-10-01 10:00:00"; sale "$B" --amount 300
at "2026-10-02 10:00:00"; sale "$G" --amount 500
at "2026-10-20 10:00:00"; md points adjust "$C" +100 --reason 活动 >/dev/null	# usable to 11-19
at "2026-10-30 10:00:00"; sale "$H" --amount 200
at "2026-11-02 10:00:00"; sale "$F" --amount 400
at "2026-11-03 10:00:00"; sale "$H" --amount 200
# The week before: 2026-11-09 .. 2026-11-15.
at "2026-11-10 10:00:00"; sale "$A" --amount 100; sale --amount 30
md wallet recharge "$A" --amount 200 >/dev/null
at "2026-11-12 10:00:00"; sale "$F" --amount 400; sale "$H" --amount 200
at "2026-11-14 10:00:00"; sale "$C" --amount 50
# The week: 2026-11-16 .. 2026-11-22.  Its first day open (the 17th)
# keeps the segments of the week ending 2026-11-15.
at "2026-11-17 10:00:00"; md wallet recharge "$F" --amount 500 >/dev/null
at "2026-11-18 10:00:00"; sale "$D" --amount 20
N=$(md member add --phone 13800000009 --name 新人)
at "2026-11-19 10:00:00"; sale "$D" --amount 20
at "2026-11-20 10:00:00"; sale "$A" --amount 100 --pay wallet	# C's 100 points expire
at "2026-11-21 10:00:00"; sale "$A" --amount 101 --use-points 100; sale --amount 45
at "2026-11-22 10:00:00"; sale "$C" --amount 888 --ticket X1
md sale void X1 --reason "wrong member" >/dev/null

is "$(sql "SELECT week || ':' || scored || ':' || no_purchase FROM rfm_weeks WHERE week >= '2026-11-01'")" \
   "2026-11-01:3:17
2026-11-08:4:16
2026-11-15:6:14" "a snapshot for every week the shop opened after"

# The report, printed on Monday 2026-11-23 for the week ending 2026-11-22.
#
# Key figures.  This week: sales A 100 + A 100 (101 - 100 points) + D 20
# + D 20 + a walk-in 45 = 285.00 in 5 sales (C's voided 888 left out),
# average 57.00; members who bought: A and D; new: 新人.  Points issued:
# A 100 (the sale paid from stored value earns none) + D 20 + 20 = 140;
# redeemed 100; expired: C's 100.  Stored value: F recharged 500, A spent
# 100.  The week before: A 100 + walk-in 30 + F 400 + H 200 + C 50 =
# 780.00 in 5 sales, average 156.00, 4 members bought, 750 points issued,
# A recharged 200.
#
# Segments (window 365 days).  As of 2026-11-15, scored A B C F G H:
#        R  F    M   scores  segment
#   A    5  1  100   2 1 1   general_winback
#   B   45  3  900   1 4 5   important_keep
#   C    1  1   50   5 1 1   general_develop
#   F    3  2  800   3 3 4   important_value
#   G   44  1  500   1 1 2   general_winback
#   H    3  3  600   3 4 3   important_value
# (R: worse counts 2 0 4 2 1 2 of 6 -> 1 + floor(5w/6); mean R 15/6 = 2.5,
#  F 14/6, M 16/6.)  As of 2026-11-22, scored A B C D F G H (n = 7):
#   A    1  3  300   5 3 2   general_value
#   B   52  3  900   1 3 5   important_keep (no move)
#   C    8  1   50   3 1 1   general_develop
#   D    3  2   40   4 2 1   general_develop
#   F   10  2  800   2 2 4   important_winback (was important_value)
#   G   51  1  500   1 1 3   important_winback (was general_winback)
#   H   10  3  600   2 3 3   important_keep (was important_value)
# (means: R 18/7 = 2.57, F 15/7 = 2.14, M 19/7 = 2.71.)
# So the calls: F (800) and G (500) into win-back, H into keep.
at "2026-11-23 10:00:00"
run md report weekly
exits 0 "report weekly"
printf '%s\n' "$out" >"$T/weekly.txt"
run diff -u "$expected/weekly.txt" "$T/weekly.txt"
is "$out" "" "the report matches tests/cli/expected/weekly.txt line by line"
is "$(grep -c "$(printf '\f')" "$T/weekly.txt")" "1" "two pages, a form feed between them"
is "$(awk 'END { print NR }' "$T/weekly.txt")" "132" "of 66 lines each"
is "$(wc -L <"$T/weekly.txt")" "80" "no line wider than 80 columns"
for lang in zh_CN zh_TW; do
	LANGUAGE=$lang md report weekly >"$T/weekly-$lang.txt"
	is "$(wc -L <"$T/weekly-$lang.txt")" "80" "in $lang too, Chinese counted two columns"
	unlike "$(cat "$T/weekly-$lang.txt")" "Project-Id-Version" "an empty column title is not the catalog's header ($lang)"
	is "$(awk 'END { print NR }' "$T/weekly-$lang.txt")" "132" "and the same pages ($lang)"
done

run md report weekly --week-ending 2026-11-22 --format csv
csv=$out
is "$(printf '%s\n' "$csv" | grep '^kpi,paid,')" "kpi,paid,this_week,285.00
kpi,paid,last_week,780.00
kpi,paid,change,-495.00" "csv: key figures, named"
is "$(printf '%s\n' "$csv" | grep "^call,$F,")" "call,$F,name,司马相如
call,$F,phone,13800000006
call,$F,segment,important_winback
call,$F,was,important_value
call,$F,last_purchase,2026-11-12
call,$F,monetary,800.00" "csv: a member to call"
is "$(printf '%s\n' "$csv" | grep '^segment,important_keep,')" "segment,important_keep,members,2
segment,important_keep,previous,1
segment,important_keep,change,1" "csv: a segment and its movement"

# -o: the same report, written whole, mode 0600.
run md report weekly -o "$T/out/../report.txt"
exits 1 "-o into a missing directory fails"
like "$err" "cannot write $T/out/../report.txt" "and says so"
run md report weekly -o "$T/report.txt"
exits 0 "-o FILE"
is "$out" "" "nothing on stdout"
is "$(cmp "$T/report.txt" "$T/weekly.txt" && echo same)" "same" "the file holds the report"
is "$(stat -c %a "$T/report.txt")" "600" "created with mode 0600"
is "$(ls "$T" | grep -c 'tmp-')" "0" "no temporary file left behind"
rejects 1 "cannot write /dev/full: No space left on device" "a full disk" \
	md report weekly -o /dev/full

# The PDF: A4, the same two pages, the names and figures as text.
run md report weekly -o "$T/report.pdf"
is "$(cmp "$T/report.pdf" "$T/weekly.txt" && echo same)" "same" "-o alone never changes the format"
run md report weekly --format pdf -o "$T/report.pdf"
exits 0 "--format pdf -o FILE"
is "$out" "" "nothing on stdout"
is "$(head -c 5 "$T/report.pdf")" "%PDF-" "a PDF"
is "$(stat -c %a "$T/report.pdf")" "600" "created with mode 0600"
rejects 1 "cannot write the PDF: No space left on device" "a PDF on a full disk" \
	md report weekly --format pdf -o /dev/full
if [ -n "${PDFINFO:-}" ] && [ -n "${PDFTOTEXT:-}" ]; then
	for lang in en zh_CN zh_TW; do
		LANGUAGE=$lang md report weekly --format pdf -o "$T/weekly-$lang.pdf"
		info=$("$PDFINFO" "$T/weekly-$lang.pdf")
		like "$info" "(A4)" "A4 ($lang)"
		like "$info" "Pages:           2" "two pages ($lang)"
		"$PDFTOTEXT" -layout "$T/weekly-$lang.pdf" "$T/weekly-$lang.pdf.txt"
		text=$(cat "$T/weekly-$lang.pdf.txt")
		for want in 清心茶馆 2026-11-16 "$F" 司马相如 上官婉儿 诸葛亮 欧阳娜娜 寿星20 \
			¥285.00 ¥780.00 -¥495.00 13800000007 ¥800.00; do
			like "$text" "$want" "the PDF has $want ($lang)"
		done
	done
	like "$(cat "$T/weekly-en.pdf.txt")" "Page 2 of 2" "numbered pages"
	like "$(cat "$T/weekly-zh_CN.pdf.txt")" "第 2 页，共 2 页" "numbered pages (zh_CN)"
	like "$(cat "$T/weekly-zh_TW.pdf.txt")" "週報" "in Traditional Chinese (zh_TW)"
	# Positions, not spaces: where pdftotext finds a word (its first
	# time) on the page.  The phone after a name of two Chinese
	# characters starts where it does after one of four; numbers end at
	# the same place.
	"$PDFTOTEXT" -bbox "$T/weekly-en.pdf" "$T/weekly-en.html"
	at_x() { sed -n "s/.*$1=\"\\([0-9.]*\\)\".*>$2<.*/\\1/p" "$T/weekly-en.html" | head -n 1; }
	like "$(at_x xMin 13800000006)" "." "pdftotext gives positions"
	is "$(at_x xMin 13800000006)" "$(at_x xMin 13800000007)" "calls: the phone after 司马相如 and 上官婉儿 lines up"
	is "$(at_x xMin 13800000001)" "$(at_x xMin 13800000004)" "birthdays: after 张三 and 欧阳娜娜"
	is "$(at_x xMin 13900000014)" "$(at_x xMin 13800000004)" "and after 寿星14"
	is "$(at_x xMax 140)" "$(at_x xMax ¥285.00)" "numbers right-aligned"
	"$PDFINFO" -f 1 -l 2 "$T/weekly-en.pdf" | grep 'size' | grep -c '595.276 x 841.89' >"$T/sizes"
	is "$(cat "$T/sizes")" "2" "every page A4 portrait"
else
	pass "# SKIP pdfinfo and pdftotext (poppler-utils) are not installed"
fi

# --print goes through lp; a shop without a printer is told what to do.
mkdir "$T/bin" "$T/nolp"
cat >"$T/bin/lp" <<'EOF'
#!/bin/sh
echo "lp: Error - no default destination available." >&2
exit 1
EOF
chmod +x "$T/bin/lp"
path=$PATH
PATH="$T/bin:$PATH"
rejects 1 \
	"cannot print: no printer is set up (lp: Error - no default destination available.); use -o FILE to save the report" \
	"no printer" md report weekly --print
rejects 1 "cannot print: the lp command is not installed (it comes with CUPS); use -o FILE to save the report" \
	"no lp at all" env PATH="$T/nolp" "$MEMBERDESK" --db "$DB" report weekly --print
cat >"$T/bin/lp" <<EOF
#!/bin/sh
echo "\$*" >"$T/lp-args"
cat >"$T/printed"
echo "request id is Office-7 (1 file(s))"
EOF
run md report weekly --print
exits 0 "--print with a printer"
is "$out" "request id is Office-7 (1 file(s))" "lp's answer is passed on"
is "$(head -c 5 "$T/printed")" "%PDF-" "lp got the PDF, not text"
is "$(cat "$T/lp-args")" "" "on the default printer"
md settings set report_printer A4-Office >/dev/null
run md report weekly --format csv --print
exits 0 "--print with report_printer set"
is "$(cat "$T/lp-args")" "-d A4-Office" "on the queue in report_printer"
is "$(head -c 5 "$T/printed")" "%PDF-" "the PDF whatever --format says"
md settings set report_printer "" >/dev/null
PATH=$path

rejects 1 "--week-ending 2026-11-21 is a Saturday: weeks run Monday to Sunday" "not a Sunday" \
	md report weekly --week-ending 2026-11-21
rejects 1 "the week ending 2026-11-29 has not ended yet" "a week to come" \
	md report weekly --week-ending 2026-11-29
rejects 1 '--week-ending "last week" is not a date' "not a date" \
	md report weekly --week-ending "last week"
rejects 2 'format "html" is not one of text, csv, pdf' "an unknown format" \
	md report weekly --format html

# report birthdays: from today, DAYS days.
run md report birthdays --within 2 --format csv
card() { sql "SELECT card FROM members WHERE phone = '$1'"; }
is "$out" "date,card,name,phone,age
2026-11-23,$A,张三,13800000001,36
2026-11-23,$(card 13900000014),寿星14,13900000014,62
2026-11-23,$(card 13900000021),寿星21,13900000021,55
2026-11-24,$(card 13900000015),寿星15,13900000015,61
2026-11-24,$(card 13900000022),寿星22,13900000022,54" \
   "report birthdays --within 2: today and tomorrow, by card, with the age reached"
run md report birthdays --within 7 --format csv
is "$(printf '%s\n' "$out" | grep -c ',欧阳娜娜,13800000004,$')" "1" "no age without a year of birth"
rejects 1 '--within must be a whole number of days from 1 to 366, not "0"' "--within 0" \
	md report birthdays --within 0
rejects 1 '--within must be a whole number of days from 1 to 366, not "a week"' "--within a week" \
	md report birthdays --within "a week"

# report sales: the counted sales, grouped.
run md report sales --from 2026-11-09 --to 2026-11-22 --by week --format csv
is "$out" "week,sales,paid,average_ticket,share
2026-11-15,5,780.00,156.00,73.2
2026-11-22,5,285.00,57.00,26.8" "by week, named by its Sunday: 780 / 1065 = 73.2%"
run md report sales --from 2026-11-16 --to 2026-11-22 --by payment
is "$out" "Payment       Sales     Paid  Average ticket  Share %
cash              4  ¥185.00          ¥46.25     64.9
stored value      1  ¥100.00         ¥100.00     35.1
Total             5  ¥285.00          ¥57.00    100.0" "by payment, for people, with the total"
run md report sales --from 2026-11-21 --to 2026-11-21 --format csv
is "$out" "day,sales,paid,average_ticket,share
2026-11-21,2,145.00,72.50,100.0" "by day (the default)"
rejects 1 "--from 2026-11-22 is after --to 2026-11-16" "a range backwards" \
	md report sales --from 2026-11-22 --to 2026-11-16
rejects 1 '--by "year" is not one of day, week, month, category, payment' "an unknown --by" \
	md report sales --by year
rejects 1 '--to "2026-11-31" is not a real date' "a bad --to" md report sales --to 2026-11-31

run md check
exits 0 "everything still adds up"

done_testing
