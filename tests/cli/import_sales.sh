#!/bin/sh
# import_sales.sh - years of tickets: one row per ticket, or line items
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data"
md import members "$D/members_gbk.csv" >/dev/null 2>&1
sales() { sql "SELECT coalesce(s.ticket, '-') || ':' || coalesce(m.card, 'walk-in') || ':' || s.sold_at || ':' || s.paid || ':' || s.category || ':' || s.promo || ':' || s.payment FROM sales s LEFT JOIN members m ON m.id = s.member_id WHERE s.import_id = $1 ORDER BY s.id"; }

# One row per ticket, Chinese headers, members by phone.
run md import sales "$D/sales_tickets.csv"
exits 0 "import tickets"
is "$out" "$D/sales_tickets.csv (UTF-8, delimiter ,): 4 rows read
  3 sales added
  1 of them without a member (walk-in)
  1 duplicate skipped (already there)
Imported as import #2." "the summary counts sales, walk-ins and the repeated ticket"
is "$(sales 2)" "T1:8001:2026-11-01 12:00:00:12850:茶叶:0:wechat
T2:walk-in:2026-11-02 09:30:00:4500:茶点:1:cash
T3:8002:2026-11-03 18:05:00:100000:茶具:0:alipay" \
   "time formats, 实收 with a thousands separator, 是/否 and 0, 微信/现金/支付宝"
is "$(sql "SELECT sum(points_earned) FROM sales")" "0" "imported sales earn no points"
is "$(sql "SELECT points FROM members WHERE card = '8001'")" "1200" "balances are untouched"
is "$(sql "SELECT t.name FROM members m JOIN tiers t ON t.id = m.tier_id WHERE m.card = '8002'")" \
   "普通" "nor do they move tiers (the members file says where each stands)"
run md sale show T3
like "$out" "茶具" "an imported sale is an ordinary sale"

# The same tickets in another file are duplicates; a changed file is new.
sed 's/^T3,/T4,/' "$D/sales_tickets.csv" >"$T/more.csv"
run md import sales "$T/more.csv"
like "$out" "1 sale added" "only the new ticket"
like "$out" "3 duplicates skipped (already there)" "stored tickets are skipped"

# Bad rows.
printf '单号,卡号,日期,金额\nX1,8001,2027-01-01,10\nX2,8001,2026-11-01,abc\nX3,7777,2026-11-01,10\nX4,8001,2026-11-31,10\nX5,8001,2026-11-01,\n' >"$T/bad.csv"
rejects 1 "5 rows were rejected" "a file of bad sales" md import sales "$T/bad.csv" --errors "$T/e.csv"
is "$(cut -d, -f1-2 "$T/e.csv" | tail -n +2 | tr -d '\r' | tr '\n' ' ')" \
   "2,日期 3,金额 4,卡号 5,日期 6,金额 " "each row's column at fault"
like "$(cat "$T/e.csv")" "sale time 2027-01-01 00:00:00 is in the future" "a sale in the future"
like "$(cat "$T/e.csv")" 'no member has the card or phone number ""7777"" (--create-members registers them)' \
     "an unknown card, with the way out"
like "$(cat "$T/e.csv")" "amount is empty" "an empty amount"

# Line items (the UCI layout): grouped by ticket wherever the lines are.
rejects 1 "2 rows were rejected" "line items of an unknown customer" \
	md import sales "$D/sales_items.csv"
run md import sales "$D/sales_items.csv" --dry-run --skip-bad
like "$out" "2 return rows skipped (--returns net nets them)" "returns are skipped by default"
run md import sales "$D/sales_items.csv" --create-members --returns net
exits 0 "line items with --create-members and --returns net"
is "$out" "$D/sales_items.csv (UTF-8, delimiter ,): 10 rows read
  4 sales added
  1 of them without a member (walk-in)
  1 member registered from the sales
  2 return rows netted against their tickets
  2 rows with nothing to add, skipped
Imported as import #4." "the summary"
is "$(sales 4)" "1001:8001:2026-10-01 10:00:00:2500::0:cash
1002:8002:2026-10-02 11:00:00:1000::0:cash
1003:9999:2026-10-04 15:00:00:2000::0:cash
1005:walk-in:2026-10-06 10:00:00:1000::0:cash" \
   "1001: 2 x 12.50 (+ 3 x 0.001, under a fen); 1002: 30 + 2 x 5 - 30 (C1002); 1003: 80 - 80 + 20; 1004 free"
is "$(sql "SELECT name || '|' || joined || '|' || coalesce(phone, '-') FROM members WHERE card = '9999'")" \
   "9999|2026-10-04|-" "a member registered from sales: named by card, joined on the first sale"
run md check
exits 0 "check passes"

# What a sales file must have.
printf 'ticket,sold_at,quantity\n1,2026-01-01,2\n' >"$T/q.csv"
rejects 1 "has quantity but not unit_price: line items need both" "quantity alone" \
	md import sales "$T/q.csv"
printf 'sold_at,quantity,unit_price\n2026-01-01,2,3\n' >"$T/nt.csv"
rejects 1 "has line items but no ticket column to group them by" "line items without tickets" \
	md import sales "$T/nt.csv"
printf 'ticket,sold_at\n1,2026-01-01\n' >"$T/na.csv"
rejects 1 "has no column for amount (or quantity and unit_price)" "no amount" \
	md import sales "$T/na.csv"
printf 'ticket,amount\n1,5\n' >"$T/nd.csv"
rejects 1 "has no column for sold_at" "no time" md import sales "$T/nd.csv"
rejects 2 "--returns is skip or net" "a bad --returns" md import sales "$T/nd.csv" --returns keep
printf '单号,卡号,日期,金额\nY1,8001,1989-06-30,10\n' >"$T/old.csv"
rejects 1 "line 2, 日期 \"1989-06-30\": sale time 1989-06-30 00:00:00 is before 1990-01-01" \
	"a sale before 1990" md import sales "$T/old.csv"

# A member imported with the import day as join date, whose history
# starts earlier: the join date moves back to the first purchase.
md member add --card 9001 --phone 13300133000 --name 新导入 >/dev/null
printf '单号,卡号,日期,金额\nJ1,9001,2025-03-08 10:00,10\nJ2,9001,2024-12-24 10:00,10\n' >"$T/early.csv"
run md import sales "$T/early.csv"
exits 0 "sales before the join date"
is "$(sql "SELECT joined FROM members WHERE card = '9001'")" "2024-12-24" \
   "the join date moves back to the first of them"
is "$(sql "SELECT old || ' ' || new FROM audit WHERE action = 'member.joined'")" \
   '{"joined":"2026-11-23"} {"joined":"2024-12-24","import":"import #'"$(sql "SELECT max(id) FROM imports")"' (early.csv)"}' \
   "with an audit row naming the import"

# A file with as many lines as the shop has sales (here, any file into a
# shop without sales) goes in without the sales' secondary indexes,
# built again after; a rejected file leaves them as they were.
DB="$T/indexes.db"
indexes() { sql "SELECT group_concat(name || ' ' || sql, ';') FROM (SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sales' ORDER BY name)"; }
md import members "$D/members_gbk.csv" >/dev/null 2>&1
want=$(indexes)
like "$want" "sales_time ON sales(sold_at)" "a new shop has the sales' indexes"
printf '单号,卡号,日期,金额\nI1,8001,2026-11-01,10\nI2,8001,2026-11-01,abc\n' >"$T/ix-bad.csv"
rejects 1 "1 row was rejected" "a rejected file into a shop without sales" \
	md import sales "$T/ix-bad.csv"
printf '单号,卡号,日期,金额\nI1,8001,2026-11-01,10\nI2,8002,2026-11-02,20\n' >"$T/ix.csv"
run md import sales "$T/ix.csv"
exits 0 "sales into a shop without sales"
is "$(indexes)" "$want" "the sales' indexes are back, as they were"
is "$(sql "SELECT group_concat(ticket) FROM sales INDEXED BY sales_time WHERE sold_at >= '2026-11-02'")" \
   "I2" "and hold the imported sales"
run md check --full
exits 0 "every index matches its table"

done_testing
