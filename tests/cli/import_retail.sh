#!/bin/sh
# import_retail.sh - the UCI Online Retail line items: real data, large
. "$top_srcdir/tests/lib.sh"

F="$SHARED_DATA/online_retail/online_retail.csv"
[ -r "$F" ] || skip_all "no $F (a user's clone has no shared data)"

# kill -9 in the middle leaves the database as it was.
md member list >/dev/null
before=$(dbsum)
"$MEMBERDESK" --db "$DB" import sales "$F" --create-members >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
is "$(dbsum)" "$before" "an import killed with -9 leaves the database as it was"

run md import sales "$F" --create-members
exits 0 "541,909 line items grouped by InvoiceNo, CustomerID as the card"
like "$out" "541909 rows read" "every row read (quoted descriptions with commas and quotes)"
like "$out" "4338 members registered from the sales" \
     "4,338 customers with a positive, non-cancelled purchase"
like "$out" "10626 return rows skipped" "cancellations (C...) and negative lines skipped"
is "$(sql "SELECT count(*) FROM sales")" "19960" "one sale per invoice with something to pay"
is "$(sql "SELECT count(DISTINCT member_id) FROM sales")" "4338" "each customer has sales"
is "$(sql "SELECT min(joined) || ' ' || max(joined) FROM members")" "2010-12-01 2011-12-09" \
   "members joined on their first purchase"
run md check
exits 0 "check passes"
rejects 1 "has been imported already" "running it again" md import sales "$F" --create-members
done_testing
