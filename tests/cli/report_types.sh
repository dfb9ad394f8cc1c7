#!/bin/sh
# report_types.sh - value types, each on its boundary, worked by hand
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
sale() { md sale add "$1" --amount "$2" --at "$3" ${4:-} >/dev/null; }
types_of() { run md report types --members --format csv; printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,4; }

# D = 2026-11-23 throughout.  The year is 2025-11-24 .. 2026-11-23; the
# churn periods (182 days) are 2025-11-25 .. 2026-05-25 (earlier) and
# 2026-05-26 .. 2026-11-23 (recent).

# Shop 1: sleeping and churning.
at "2025-01-02 09:00:00"
P=$(md member add --phone 13800000001 --name 张三)
Q=$(md member add --phone 13800000002 --name 李四)
R=$(md member add --phone 13800000003 --name 王五)
S=$(md member add --phone 13800000004 --name 赵六)
U=$(md member add --phone 13800000005 --name 钱七)
V=$(md member add --phone 13800000006 --name 孙八)
at "2026-11-23 20:00:00"
sale "$P" 10 2025-11-23		# 365 days ago: sleeping
sale "$Q" 10 2025-11-24		# 364 days ago: not sleeping, nor in the earlier period
sale "$R" 10 2025-11-25		# earlier period, first day
sale "$R" 10 2026-05-25		# earlier period, last day: earlier 2, recent 0
sale "$S" 10 2026-01-27
sale "$S" 10 2026-05-07
sale "$S" 10 2026-05-26		# recent period, first day: 2 x 1 < 2 fails
sale "$U" 10 2026-01-27
sale "$U" 10 2026-03-18
sale "$U" 10 2026-05-07
sale "$U" 10 2026-11-23		# earlier 3, recent 1: 2 x 1 < 3
sale "$V" 10 2026-05-07		# one purchase before: too few to churn
# Bought in the year: Q 10, R 20, S 30, U 40, V 10 (n = 5).  high_total:
# fewer than 20% of 5 better, i.e. none: U.  Average ticket 110 / 11 =
# 10.00, so high_ticket from 20.00: nobody.  loyal needs the top 50%
# (U S R) and a purchase in the last 60 days with gaps of at most 60:
# R and S last bought 182 and 181 days ago, U's 4 days span 300 > 3 x 60.
is "$(types_of)" "$P,sleeping
$R,churning
$U,churning;high_total" "sleeping and churning on their boundaries"
run md report types --format csv
is "$out" "type,members,primary
sleeping,1,1
churning,2,2
high_total,1,0
high_ticket,0,0
loyal,0,0
bargain_frequent,0,0
bargain_rare,0,0" "the summary: members of each type, and whose first type it is"
md settings set sleeping_days 366
is "$(types_of | head -n 1)" "$R,churning" "sleeping_days 366: 365 days ago is not sleeping"
md settings set sleeping_days 365
md settings set churn_days 181
# Earlier period 2025-11-27 .. 2026-05-26: R has 1 there, S 3 (recent 0).
is "$(types_of | cut -d, -f1 | tr '\n' ' ')" "$P $S $U " "churn_days 181 moves the periods"
md settings set churn_days 182

# Shop 2: the shares, the ticket and loyalty.
DB="$T/shop2.db"
at "2025-01-02 09:00:00"
for i in 01 02 03 04 05 06 07 08 09 10; do
	md member add --phone 139000000$i --name "会员$i" >/dev/null
done
card() { sql "SELECT card FROM members WHERE phone = '139000000$1'"; }
M1=$(card 01) M2=$(card 02) M3=$(card 03) M4=$(card 04) M5=$(card 05)
X=$(card 06) M7=$(card 07) M8=$(card 08) M9=$(card 09) M10=$(card 10)
at "2026-11-23 20:00:00"
sale "$M1" 450 2026-07-26; sale "$M1" 450 2026-09-24	# gap 60, last 60 days ago
sale "$M2" 400 2026-07-25; sale "$M2" 400 2026-09-24	# gap 61
sale "$M3" 400 2026-08-05; sale "$M3" 400 2026-09-23	# last 61 days ago
sale "$M4" 350 "2026-11-13 10:00"; sale "$M4" 350 "2026-11-13 18:00"	# one day
sale "$M5" 200 2026-07-16; sale "$M5" 200 2026-09-14; sale "$M5" 200 2026-11-13
sale "$X" 600 2026-11-18 --promo
sale "$M7" 50 2026-10-24; sale "$M7" 50 2026-11-23 --promo
sale "$M8" 200 2026-11-20 --promo; sale "$M9" 200 2026-11-20 --promo
sale "$M10" 200 2026-11-20 --promo
# M:  M1 900, M2 800, M3 800, M4 700, M5 600, X 600, M8-M10 200, M7 100.
# Strictly better: M1 0, M2 1, M3 1, M4 3, M5 4, X 4, M8-M10 6, M7 9; n = 10.
# high_total: better x 100 < 20 x 10, better < 2: M1, M2 and M3 (tied).
# loyal: better x 2 < 10 (M1 to X), 2+ purchase days, last - first <=
#   60 x (days - 1), last purchase 60 days ago at most: M1 (60 <= 60, 60
#   days ago), M5 (120 <= 120, 10 days ago); not M2 (61), M3 (61 days
#   ago), M4 (one day), X (one day), nor M7 (gap 30 but not in the top 50%).
# high_ticket: 5100 / 17 sales = 300.00, x 2 = 600.00: X's 600 / 1.
# Promotion spend: X 600, M8-M10 200, M7 50 (n = 5); the top 20%
#   (none better): X bargain_frequent; the bottom (none worse): M7 rare.
is "$(types_of)" "$M1,high_total;loyal
$M2,high_total
$M3,high_total
$M5,loyal
$X,high_ticket;bargain_frequent
$M7,bargain_rare" "the shares, the ticket and loyalty on their boundaries"
run md report types
is "$(printf '%s\n' "$out" | tail -n 2)" "10 members bought in the last 365 days; average ticket ¥300.00,
high ticket from ¥600.00; 5 bought on promotion." "the shop's average ticket and the threshold"
is "$(printf '%s\n' "$out" | sed -n 6p)" "Loyal                   2        1" \
   "loyal: 2 members, primary for M5 only (M1 is high_total first)"
run md report types --members
is "$(printf '%s\n' "$out" | sed -n 2p)" "$M1  会员01  13900000001  High total, Loyal" \
   "for people: the names of the types, aligned by display width"
md settings set high_ticket_factor 2.01
is "$(types_of | grep "^$X,")" "$X,bargain_frequent" "high_ticket_factor 2.01: 603.00 is not reached"
md settings set high_total_share 31
is "$(types_of | grep -c high_total)" "4" "high_total_share 31: 3 better < 3.1, M4 joins"
md settings set loyal_gap_days 59
is "$(types_of | grep -c loyal)" "0" "loyal_gap_days 59: M1's gap of 60 and M5's are too long"
unset DB; DB="$T/shop.db"

rejects 1 '--as-of "2026-13-01" is not a real date' "a bad date" md report types --as-of 2026-13-01
rejects 1 'high_total_share must be between 1 and 100' "a share over 100" \
	md settings set high_total_share 101
rejects 1 'churn_days must be between 7 and 182' "churn periods longer than the year" \
	md settings set churn_days 183
rejects 2 'unexpected argument "x"' "an operand" md report types x

done_testing
