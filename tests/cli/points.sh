#!/bin/sh
# points.sh - the points ledger: redemption and void, FIFO expiry,
# adjustments, referral and birthday rewards, automatic daily rules
. "$top_srcdir/tests/lib.sh"

at() { export MEMBERDESK_NOW="$1"; }
col() {
	printf '%s\n' "$out" | awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }'
}
balance() { sql "SELECT points FROM members WHERE card = '$1'"; }
lots() { sql "SELECT group_concat(remaining || '@' || coalesce(expires, 'never'), ' ') FROM (SELECT * FROM points_lots WHERE member_id = (SELECT id FROM members WHERE card = '$1') ORDER BY id)"; }

at "2021-01-01 09:00:00"
md member add --phone 13800138000 --name 张三 >/dev/null		# 100008
md member add --phone 13900139000 --name 李四 >/dev/null		# 100016

# --- A void after a partial points redemption -----------------------------
at "2021-01-02 10:00:00"
md sale add 100016 --amount 800 >/dev/null			# sale 1: +800
at "2021-01-03 10:00:00"
run md sale add 100016 --amount 100 --use-points 600 --format csv	# sale 2
is "$(col points_value),$(col paid),$(col points_earned)" "6.00,94.00,94" \
   "redeem 600 points (¥6.00) of a ¥100.00 bill; 94 earned on the rest"
is "$(balance 100016)" "294" "balance 800 - 600 + 94 = 294"
is "$(lots 100016)" "200@never 94@never" "the redemption took from the first lot"
run md sale void 2 --reason "customer returned the tea"
exits 0 "void the sale"
is "$(balance 100016)" "800" "the 600 points come back and the 94 earned go"
is "$(lots 100016)" "800@never 0@never" "the points went back to the lot they came from"
is "$(sql "SELECT group_concat(kind || ':' || delta, ' ') FROM points_ledger WHERE sale_id = 2 ORDER BY id")" \
   "redeem:-600 earn:94 void:600 void:-94" "through compensating ledger rows; nothing is rewritten"
rejects 1 "sale 2 was already voided at 2021-01-03 10:00:00" "voiding twice" \
	md sale void 2 --reason again
rejects 2 "--reason is required" "a void without a reason" md sale void 1
rejects 1 "a reason is required to void a sale" "a blank reason" md sale void 1 --reason " "

# Earned points already spent: refused, unless forgiven explicitly.
md sale add 100016 --amount 200 --use-points 800 >/dev/null	# sale 3: 800 - 800 + 192
is "$(balance 100016)" "192" "spend every point of sale 1"
rejects 1 "sale 1 gave 100016 (李四) 800 points but only 192 are left" \
	"voiding a sale whose points were spent" md sale void 1 --reason mistake
run md sale void 1 --reason mistake --forgive-points
exits 0 "--forgive-points takes back only what is left"
is "$(balance 100016)" "0" "the balance never goes negative"

# --- FIFO expiry across three lots with a redemption in between -----------
md settings set points_expiry months:12
at "2021-01-10 10:00:00"; md sale add 100008 --amount 100 >/dev/null	# lot A: 100, last day 2022-01-09
at "2021-03-10 10:00:00"; md sale add 100008 --amount 200 >/dev/null	# lot B: 200, last day 2022-03-09
at "2021-06-10 10:00:00"; md sale add 100008 --amount 300 >/dev/null	# lot C: 300, last day 2022-06-09
at "2021-08-01 10:00:00"
md sale add 100008 --amount 100 --use-points 150 >/dev/null		# takes A 100, B 50; lot D: 98
is "$(lots 100008)" "0@2022-01-09 150@2022-03-09 300@2022-06-09 98@2022-07-31" \
   "a redemption takes the soonest-expiring points first"
at "2022-01-10 08:00:00"
run md points expire
is "$out" "0 points expired, of 0 members" "lot A was spent: nothing to expire on 2022-01-10"
before=$(dbsum)
run md points expire --dry-run --as-of 2022-03-10 --format csv
is "$out" "card,name,expires,points
100008,张三,2022-03-09,150" "a dry run lists who would lose what, looking ahead"
like "$err" "150 points would expire, of 1 member" "and sums it up"
run md points expire --dry-run --as-of 2022-06-10
like "$out" "100008  张三  2022-06-09     300" "each last day on its own line"
like "$err" "450 points would expire, of 1 member" "summed over the member's lots"
is "$(dbsum)" "$before" "a dry run writes nothing"
run md points lots 100008 --format csv
is "$out" "earned_at,kind,earned,remaining,expires
2021-03-10 10:00:00,earn,200,150,2022-03-09
2021-06-10 10:00:00,earn,300,300,2022-06-09
2021-08-01 10:00:00,earn,98,98,2022-07-31" "points lots: what is left of each lot, soonest first"
at "2022-03-10 08:00:00"
run md points expire
is "$out" "150 points expired, of 1 member" "on 2022-03-10 the rest of lot B expires"
is "$(balance 100008)" "398" "leaving 300 + 98"
run md points expire
is "$out" "0 points expired, of 0 members" "running it again expires nothing more"
is "$(sql "SELECT count(*) FROM points_ledger WHERE kind = 'expire'")" "1" "one expiry row"
is "$(sql "SELECT at FROM points_ledger WHERE kind = 'expire'")" "2022-03-10 00:00:00" \
   "dated when the points expired"
rejects 1 "points cannot be expired ahead of time" "expire in the future" \
	md points expire --as-of 2022-12-31

# No cron: the first command of a day applies the day's expiry by itself.
at "2022-06-10 08:00:00"
run md member show 100008 --format csv
is "$(col points)" "98" "lot C expired on its own when memberdesk was next used"
is "$(col points_expiring),$(col points_expiring_after)" "98,2022-07-31" \
   "member show says what expires next, and after which day"

# --- Adjustments -------------------------------------------------------------
run md points adjust 100008 +200 --reason "apology for a late order"
exits 0 "add points by hand"
is "$out" "100008 (张三): +200 points, balance 298" "says the new balance"
run md points adjust 100008 -50 --reason "correction"
exits 0 "take points away (a negative number is not an option)"
rejects 1 "100008 (张三) has 248 points: cannot take away 1000" "taking more than the balance" \
	md points adjust 100008 -1000 --reason "too much"
rejects 2 "--reason is required" "an adjustment without a reason" \
	md points adjust 100008 +5
rejects 1 'points change "5" must be +N or -N' "a change without a sign" \
	md points adjust 100008 5 --reason x
rejects 1 'points change "+0" is out of range' "a zero change" \
	md points adjust 100008 +0 --reason x
rejects 1 'no member has the card or phone number "424242"' "an unknown member" \
	md points adjust 424242 +5 --reason x

run md points history 100008 --format csv
is "$(printf '%s\n' "$out" | head -n 1)" "at,kind,delta,balance,expires,sale,reason,operator" \
   "points history csv columns"
is "$(printf '%s\n' "$out" | tail -n 2 | cut -d, -f2-4,7 | tr '\n' ' ')" \
   "adjust,200,298,apology for a late order adjust,-50,248,correction " \
   "with the running balance and the reasons"

# --- Referral: the referrer's reward on a first purchase, once -------------
md settings set referral_points 50
md member add --phone 13700137000 --name 新客 --referrer 100008 >/dev/null	# 100024
md sale add 100024 --amount 10 >/dev/null
is "$(balance 100008)" "298" "the referrer gets 50 points on the first purchase"
md sale add 100024 --amount 10 >/dev/null
is "$(balance 100008)" "298" "and not on the second"
first=$(sql "SELECT min(id) FROM sales WHERE member_id = (SELECT id FROM members WHERE card = '100024')")
md sale void "$first" --reason "wrong member" >/dev/null
is "$(balance 100008)" "248" "voiding that first purchase takes the reward back"

# --- Birthday points: once a year, when the birthday period begins --------
md settings set birthday_points 88
md member add --phone 13600136000 --name 寿星 --birthday 1988-07-15 >/dev/null	# 100032
at "2022-07-01 09:00:00"
run md member show 13600136000 --format csv
is "$(col points)" "88" "birthday points arrive with the birthday month"
at "2022-07-20 09:00:00"
run md member show 13600136000 --format csv
is "$(col points)" "88" "once"
at "2023-07-02 09:00:00"
run md member show 13600136000 --format csv
is "$(sql "SELECT group_concat(kind || ':' || delta || ':' || reason, ' ') FROM points_ledger WHERE member_id = (SELECT id FROM members WHERE card = '100032') ORDER BY id")" \
   "birthday:88:2022 expire:-88: birthday:88:2023" \
   "and again the next year, after last year's expired (months:12)"
is "$(col points)" "88" "so the balance is this year's gift"

run md check
exits 0 "every balance matches its ledger"

done_testing
