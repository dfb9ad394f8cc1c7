#!/bin/sh
# import_balances.sh - opening points and stored value
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data"
printf '卡号,姓名,手机\n8001,张三,13800138000\n8002,李四,13900139000\n8003,王五,13700137000\n8004,赵六,13600136000\n' >"$T/m.csv"
md import members "$T/m.csv" >/dev/null
bal() { sql "SELECT points || '/' || wallet_principal || '/' || wallet_bonus FROM members WHERE card = '$1'"; }

run md import points "$D/points.csv"
exits 0 "import points"
like "$out" "3 opening balances added" "one per row: 8001 has two batches"
is "$(bal 8001)" "500/0/0" "8001: 300 + 200"
is "$(sql "SELECT l.remaining || '@' || coalesce(l.expires, 'never') FROM points_lots l JOIN members m ON m.id = l.member_id WHERE m.card = '8001' ORDER BY l.id" | tr '\n' ' ')" \
   "300@2027-12-31 200@never " "each batch keeps its expiry (the default rule: never)"
is "$(md points history 8001 --format csv | cut -d, -f2,3,7 | tail -n +2 | tr '\n' ' ')" \
   "import,300,旧系统积分 import,200,import #2 (points.csv) " "history explains the balance, with the file's reason" 
run md check
exits 0 "check"
is "$(sql "SELECT new FROM audit WHERE action = 'import.points'")" \
   '{"import":"import #2 (points.csv)","sha256":"'"$(sha256sum "$D/points.csv" | cut -c1-64)"'","inserted":"3","updated":"0","points_batches":"3","points":"'"$(sql "SELECT sum(delta) FROM points_ledger WHERE import_id = 2")"'","wallet_members":"0","wallet":"0.00"}' \
   "the points import has an audit row: the file, how many batches, how many points"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'import.members'")" "1" "so does the members import"

# A second points file for the same member is a duplicate.
printf 'card,points\n8001,999\n8003,10\n' >"$T/p2.csv"
run md import points "$T/p2.csv"
like "$out" "1 opening balance added" "8003 opens"
like "$out" "1 duplicate skipped (already there)" "8001 has its opening balance already"
is "$(bal 8001)" "500/0/0" "and keeps it"

printf 'card,points\n8002,abc\n8002,1.5\n4444,5\n,5\n8002,10\n8002,5\n' >"$T/p3.csv"
printf 'card,points,expires\n8004,10,2020-01-01\n' >"$T/p4.csv"
rejects 1 "4 rows were rejected" "bad points rows" md import points "$T/p3.csv" --errors "$T/e.csv"
is "$(tail -n +2 "$T/e.csv" | tr -d '\r' | cut -d, -f1-3 | tr '\n' ' ')" \
   "2,points,abc 3,points,1.5 4,card,4444 5,card, " "bad points, an unknown card, no card"
rejects 1 "these points expired on 2020-01-01" "points already expired" md import points "$T/p4.csv"
# A value longer than any number, junk at its end: not read as its start.
printf 'card,points\n8004,"1%sx"\n' "$(printf '%0100d' 0 | tr 0 ,)" >"$T/p5.csv"
rejects 1 "is not a whole number of zero or more" "points with junk after 100 separators" \
	md import points "$T/p5.csv"

# Stored value by phone, with the bonus part apart.
run md import wallet "$D/wallet.csv"
exits 0 "import stored value"
is "$(bal 8001)/$(bal 8002)" "500/40000/10000/50/200000/0" "balance 500 of which bonus 100; ¥2,000.00 all principal"
is "$(md wallet history 8002 --format csv | cut -d, -f2 | tail -n 1)" "import" "the wallet history says import"
is "$(sql "SELECT json_extract(new, '$.wallet_members') || ' ' || json_extract(new, '$.wallet') FROM audit WHERE action = 'import.wallet'")" \
   "2 2500.00" "the stored-value import has an audit row with its total"
printf 'phone,balance,bonus\n13700137000,50,60\n13700137000,-5,\n' >"$T/w2.csv"
rejects 1 "2 rows were rejected" "bad balances" md import wallet "$T/w2.csv" --errors "$T/e2.csv"
like "$(cat "$T/e2.csv")" "is more than the balance it is part of" "a bonus larger than the balance"
like "$(cat "$T/e2.csv")" 'balance ""-5"" must not be negative' "a negative balance"
printf 'name,balance\n张三,5\n' >"$T/w3.csv"
rejects 1 "has no column for card or phone" "a wallet file that names no member" md import wallet "$T/w3.csv"
printf 'card,name\n8001,x\n' >"$T/w4.csv"
rejects 1 "has no column for balance (the fields a header can name: card, phone, balance, bonus, reason, withdrawable, non_withdrawable)" \
	"a wallet file without balances, naming the wallet fields" md import wallet "$T/w4.csv"
run md check
exits 0 "check at the end"
done_testing
