#!/bin/sh
# report_rfm.sh - RFM scores and segments, worked by hand; member list --segment
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
csv_line() { printf '%s\n' "$out" | grep "^$1,"; }

# Everyone joins long before the window, so that all of them are
# members on every day asked about.
at "2025-01-02 09:00:00"
A=$(md member add --phone 13800000001 --name 张三)
B=$(md member add --phone 13800000002 --name 李四)
C=$(md member add --phone 13800000003 --name 王五)
D=$(md member add --phone 13800000004 --name 赵六)
E=$(md member add --phone 13800000005 --name 钱七)
F=$(md member add --phone 13800000006 --name 孙八)
G=$(md member add --phone 13800000007 --name 周九)
H=$(md member add --phone 13800000008 --name 吴十)

# D = 2026-11-23, W = 365: a sale counts when 2025-11-23 < day <= 2026-11-23.
at "2026-11-23 20:00:00"
sale() { md sale add "$1" --amount "$2" --at "$3" >/dev/null; }
sale "$A" 100 "2026-11-23 19:00"	# on D itself: counts, R = 0
sale "$A" 100 "2026-10-24 10:00"
sale "$B" 500 "2025-11-23 23:59:59"	# exactly W days before D: does not count
sale "$B" 300 "2025-11-24 00:00"	# the first day that counts: R = 364
sale "$C" 50 "2026-10-24 10:00"
sale "$C" 50 "2026-11-03 10:00"
sale "$C" 50 "2026-11-13 10:00"
sale "$D" 200 "2026-11-13 12:00"
sale "$E" 80 "2026-06-01 12:00"		# R = 29 + 31 + 31 + 30 + 31 + 23 = 175
sale "$E" 99 "2026-11-20 12:00"
md sale void "$(sql "SELECT max(id) FROM sales")" --reason "rung up twice" >/dev/null
sale "$F" 20 "2026-11-22 12:00"
md member freeze "$F" >/dev/null	# frozen members count like active ones
sale "$G" 900 "2026-11-23 12:00"
md member delete "$G" >/dev/null	# deleted members do not count at all
# H buys nothing: no_purchase.

# Scored: A B C D E F, n = 6.  score = 1 + floor(5 * worse / 6).
#      R    worse  score |  F  worse score |  M    worse score
#  A    0     5     5    |  2    4    4    |  200    3    3
#  B  364     0     1    |  1    0    1    |  300    5    5
#  C   10     2     2    |  3    5    5    |  150    2    2
#  D   10     2     2    |  1    0    1    |  200    3    3
#  E  175     1     1    |  1    0    1    |   80    1    1
#  F    1     4     4    |  1    0    1    |   20    0    1
# Ties share a score: C and D on R, B D E F on F, A and D on M.
# Means: R 15/6 = 2.5, F 13/6 = 2.17, M 15/6 = 2.5; high = above the mean:
#  A H H H important_value     B L L H important_winback
#  C L H L general_keep        D L L H important_winback
#  E L L L general_winback     F H L L general_develop
run md report rfm --members --format csv
exits 0 "report rfm --members"
is "$out" "card,name,phone,recency_days,frequency,monetary,r_score,f_score,m_score,segment
$A,张三,13800000001,0,2,200.00,5,4,3,important_value
$B,李四,13800000002,364,1,300.00,1,1,5,important_winback
$C,王五,13800000003,10,3,150.00,2,5,2,general_keep
$D,赵六,13800000004,10,1,200.00,2,1,3,important_winback
$E,钱七,13800000005,175,1,80.00,1,1,1,general_winback
$F,孙八,13800000006,1,1,20.00,4,1,1,general_develop
$H,吴十,13800000008,,0,0.00,,,,no_purchase" \
   "every member's R, F, M, scores and segment, by card (G, deleted, left out)"

# 7 members (A-F and H): shares of 7 to one decimal, 1/7 = 14.3%, 2/7 = 28.6%.
# important_winback: R (364 + 10) / 2 = 187.0, F 1.0, M (300 + 200) / 2.
run md report rfm --format csv
is "$out" "segment,members,share,mean_recency,mean_frequency,mean_monetary,total_monetary
important_value,1,14.3,0.0,2.0,200.00,200.00
important_develop,0,0.0,,,,
important_keep,0,0.0,,,,
important_winback,2,28.6,187.0,1.0,250.00,500.00
general_value,0,0.0,,,,
general_develop,1,14.3,1.0,1.0,20.00,20.00
general_keep,1,14.3,10.0,3.0,150.00,150.00
general_winback,1,14.3,175.0,1.0,80.00,80.00
no_purchase,1,14.3,,,," "the segments: members, share, means and total M"

run md report rfm
is "$(printf '%s\n' "$out" | head -n 1)" \
   "Segment             Members  Share %  Mean R (days)  Mean F   Mean M  Total M" \
   "the text table's titles"
is "$(printf '%s\n' "$out" | sed -n 5p)" \
   "Important win-back        2     28.6          187.0     1.0  ¥250.00  ¥500.00" \
   "means and money for people"
is "$(printf '%s\n' "$out" | tail -n 1)" \
   "Scored members            6     85.7           93.3     1.5  ¥158.33  ¥950.00" \
   "and the scored members together: R 560/6, F 9/6, M 950/6"
run md report rfm --members
is "$(printf '%s\n' "$out" | sed -n 3p)" \
   "$B  李四  13800000002       364  1  300.00        1        1        5  Important win-back" \
   "member rows line up under Chinese names"

# The window's edges, both ways: with W = 366 B's sale of 2025-11-23 counts.
# B: F 2 (worse: D E F = 3, score 3), M 800 (score 5); F scores now
# 3 3 5 1 1 1, mean 14/6: B's 3 is high -> L H H important_keep.
run md report rfm --window 366 --segment important_keep --format csv
is "$(printf '%s\n' "$out" | tail -n +2)" "$B,李四,13800000002,364,2,800.00,1,3,5,important_keep" \
   "--window 366 takes in the sale exactly 365 days back"
# One scored member: every score is 1 + floor(5 * 0 / 1) = 1, no score is
# above the mean 1, so general_winback; the six others bought nothing then.
run md report rfm --as-of 2025-11-24 --window 1 --members --format csv
is "$(csv_line "$B")" "$B,李四,13800000002,0,1,300.00,1,1,1,general_winback" \
   "a single scored member"
is "$(printf '%s\n' "$out" | grep -c ',no_purchase$')" "6" "the others are no_purchase"
run md report rfm --as-of 2025-11-23 --window 1 --members --format csv
is "$(csv_line "$B")" "$B,李四,13800000002,0,1,500.00,1,1,1,general_winback" \
   "a sale at 23:59:59 belongs to its day"
run md report rfm --as-of 2025-01-01 --format csv
is "$(printf '%s\n' "$out" | cut -d, -f2 | tr '\n' ' ')" "members 0 0 0 0 0 0 0 0 0 " \
   "before anyone joined: nobody at all"

# member list --segment uses the same computation (as of today).
run md member list --segment important_winback --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "$B $D " \
   "member list --segment important_winback"
run md member list --segment no_purchase --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" "$H" "member list --segment no_purchase"
run md member list --segment general_develop --status frozen --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" "$F" "with the other filters"
run md member list --segment general_develop --status deleted --format csv
is "$(printf '%s\n' "$out" | wc -l)" "1" "a deleted member has no segment"

# Bad input changes nothing.
rejects 1 '--as-of "2026-02-30" is not a real date' "an impossible date" \
	md report rfm --as-of 2026-02-30
rejects 1 '--as-of "yesterday" is not a date (use YYYY-MM-DD)' "not a date" \
	md report rfm --as-of yesterday
rejects 1 '--window must be a whole number of days from 1 to 3650, not "0"' "a window of 0" \
	md report rfm --window 0
rejects 1 '--window must be a whole number of days from 1 to 3650, not "3651"' "a window too long" \
	md report rfm --window 3651
rejects 1 '--window must be a whole number of days from 1 to 3650, not "1y"' "a window that is not a number" \
	md report rfm --window 1y
rejects 1 'segment "vip" is not one of important_value, important_develop, important_keep, important_winback, general_value, general_develop, general_keep, general_winback, no_purchase' \
	"an unknown segment" md report rfm --segment vip
rejects 1 'segment "vip" is not one of important_value' "member list: an unknown segment" \
	md member list --segment vip
rejects 2 'format "xml" is not one of table, csv, tsv, pdf' "an unknown format" \
	md report rfm --format xml
rejects 2 'unknown command "rfx"' "an unknown report" md report rfx
run md report --help
like "$out" "weekly" "report --help lists the reports"

run md check
exits 0 "everything still adds up"

done_testing
