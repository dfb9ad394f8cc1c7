#!/bin/sh
# concurrent.sh - several counters selling, topping up and adjusting at once
#
# STRESS_WORKERS processes (default 4) start together and each runs
# STRESS_OPS operations (default 200) on the same few members: sales that
# earn points, sales paid with points and stored value, recharges, point
# adjustments and now and then a void of one of its own sales.  Two
# readers list, search, score RFM segments and run check alongside.  The
# clock moves on a day every 50 operations (Saturday 14 November to
# Tuesday 17, days long past: memberdesk refuses a clock ahead of the
# computer's), so the processes also race to run each day's maintenance.
# Each worker records what every command said it did; at the end each
# member's points and stored value are the start plus the sum of what
# succeeded, nothing ever said "busy" or failed for a reason other than
# the rules, and check proves the ledgers.
. "$top_srcdir/tests/lib.sh"

workers=${STRESS_WORKERS:-4}
ops=${STRESS_OPS:-200}
cards="100008 100016 100024 100032 100040 100057"

# The shop, the day before: six members, each with ¥500 (+¥120 bonus)
# and 2,000 points.
export MEMBERDESK_NOW="2026-11-13 10:00:00"
md wallet rules set 100:20,500:120 >/dev/null
i=0
for c in $cards; do
	md member add --phone "1380013800$i" --name "会员$i" >/dev/null
	md wallet recharge "$c" --amount 500 >/dev/null
	md points adjust "$c" +2000 --reason start >/dev/null
	i=$((i + 1))
done
is "$(sql "SELECT group_concat(card, ' ') FROM members ORDER BY id")" "$cards" "six members"
balances() {
	sql "SELECT card, points, wallet_principal, wallet_bonus FROM members ORDER BY card" |
		tr '|' ' '
}
balances >"$T/start"

# yuan "1,012.30" -> fen 101230, in awk.
FEN='function fen(s) { gsub(/[-,]/, "", s); n = split(s, p, "."); return p[1] * 100 + (n > 1 ? p[2] : 0) }'

# One worker: "ok OP CARD POINTS PRINCIPAL BONUS" for what succeeded,
# "refused WHAT" for what the rules refused, "error ..." for the rest.
worker() {
	_k=$1 _seed=$(($1 * 7919 + 17)) _i=0 _sales=
	_log="$T/w$1.log"
	: >"$_log"
	while [ ! -e "$T/go" ]; do sleep 0.01; done
	while [ "$_i" -lt "$ops" ]; do
		_seed=$(((_seed * 1103515245 + 12345) % 2147483648))
		_r=$((_seed / 65536))
		set -- $cards
		shift $((_r % 6))
		_c=$1
		_amt=$((20 + _r / 7 % 280))
		_pts=$((10 * (1 + _r / 11 % (_amt / 4 + 1))))	# well within the 50% cap
		export MEMBERDESK_NOW="2026-11-$((14 + _i / 50 % 4)) 10:00:00"
		case $((_r / 3 % 10)) in
		0|1|2|3) _op=sale; set -- sale add "$_c" --amount "$_amt" --category 茶 ;;
		4|5) _op=sale; set -- sale add "$_c" --amount "$_amt" --use-points "$_pts" --pay wallet ;;
		6) _op=sale; set -- sale add "$_c" --amount "$_amt" --use-points "$_pts" --pay wechat ;;
		7) _op=recharge; _amt=$(((_r / 13 % 3) * 200 + 50))	# 50, 250, 450
		   set -- wallet recharge "$_c" --amount "$_amt" --pay cash ;;
		8) _op=adjust; _d=$((_r / 17 % 600 - 300)); [ "$_d" -ge 0 ] && _d="+$((_d + 1))"
		   set -- points adjust "$_c" "$_d" --reason "worker $_k" ;;
		9) _op=void; set -- $_sales
		   if [ $# -eq 0 ]; then
			_op=sale; set -- sale add "$_c" --amount "$_amt"
		   else
			shift $((_r % $#))
			_v=$1
			set -- sale void "${_v%%:*}" --reason "worker $_k"
		   fi ;;
		esac
		case $_op in sale) set -- "$@" --format csv ;; esac
		_out=$("$MEMBERDESK" --db "$DB" "$@" 2>"$T/w$_k.err")
		_rc=$?
		_err=$(cat "$T/w$_k.err")
		if [ "$_rc" -ne 0 ]; then
			case $_rc:$_err in
			"1:memberdesk: "*"cannot be used"|"1:memberdesk: "*"is not enough to pay"* |\
			"1:memberdesk: "*"cannot take away"*|"1:memberdesk: "*"--forgive-points"*)
				echo "refused $_op" ;;
			*)	echo "error $_rc $* => $_err" ;;
			esac >>"$_log"
		elif [ -n "$_err" ]; then
			echo "error 0 $* said => $_err" >>"$_log"
		else
			case $_op in
			sale)	# the columns by their header's names, wherever they are
				_line=$(printf '%s\n' "$_out" | awk -F, "$FEN"'
					NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
					NR == 2 { printf "%s:%s:%d:%d:%d\n", $c["sale"], $c["card"],
						  $c["points_earned"] - $c["points_used"],
						  -fen($c["wallet_principal"]), -fen($c["wallet_bonus"]) }')
				_sales="$_sales $_line"
				echo "$_line" | awk -F: '{ print "ok sale", $2, $3, $4, $5 }' >>"$_log" ;;
			void)	# the void gives back exactly what the sale recorded
				_sales=$(echo "$_sales" | tr ' ' '\n' | grep -v "^$_v\$" | tr '\n' ' ')
				echo "$_v" | awk -F: '{ print "ok void", $2, -$3, -$4, -$5 }' >>"$_log" ;;
			recharge)	# "CARD (NAME): recharged ¥A, bonus ¥B"
				printf '%s\n' "$_out" | awk "$FEN"'
					NR == 1 { b = $NF; sub(/^[^0-9]*/, "", b); a = $(NF - 2); sub(/^[^0-9]*/, "", a);
						  print "ok recharge", $1, 0, fen(a), fen(b) }' >>"$_log" ;;
			adjust)	echo "ok adjust $_c $_d 0 0" >>"$_log" ;;
			esac
		fi
		_i=$((_i + 1))
	done
	touch "$T/done$_k"
}

# A reader: lists, RFM and check, over and over while the workers
# run (and at least once).  "ok" or "error ...".
reader() {
	_log="$T/r$1.log"
	: >"$_log"
	while [ ! -e "$T/go" ]; do sleep 0.01; done
	_day=14
	while :; do
		export MEMBERDESK_NOW="2026-11-$_day 12:00:00"
		_day=$((_day == 17 ? 14 : _day + 1))
		for _cmd in "member list" "report rfm" "member find 会员" "sale list --format csv" "check"; do
			if "$MEMBERDESK" --db "$DB" $_cmd >/dev/null 2>"$T/r$1.err" &&
			   { [ ! -s "$T/r$1.err" ] || [ "$_cmd" = check ]; }; then
				echo ok
			else
				echo "error $_cmd => $(cat "$T/r$1.err")"
			fi
		done >>"$_log"
		_left=0
		for _k in $(seq "$workers"); do [ -e "$T/done$_k" ] || _left=1; done
		[ "$_left" -eq 0 ] && break
	done
}

pids=
for k in $(seq "$workers"); do
	worker "$k" &
	pids="$pids $!"
done
for r in 1 2; do
	reader "$r" &
	pids="$pids $!"
done
touch "$T/go"
wait $pids

cat "$T"/w*.log >"$T/all.log"
cat "$T"/r*.log >"$T/reads.log"
is "$(grep -c '' "$T/all.log")" "$((workers * ops))" "$workers workers ran $ops operations each"
is "$(grep -v -e '^ok ' -e '^refused ' "$T/all.log")" "" "no operation failed but by the rules"
is "$(grep -i busy "$T"/*.log)" "" "nothing said the database was busy"
diag "$(awk '{ n[$1 " " $2]++ } END { for (k in n) print n[k], k }' "$T/all.log" | sort -k2)"
is "$(grep -v '^ok$' "$T/reads.log")" "" "the readers never failed ($(grep -c '' "$T/reads.log") reads)"

# Each member: the start plus what succeeded.
want=$(awk '$1 == "ok" { p[$3] += $4; w[$3] += $5; b[$3] += $6 }
	    FILENAME ~ /start$/ { p[$1] += $2; w[$1] += $3; b[$1] += $4 }
	    END { for (c in p) print c, p[c], w[c], b[c] }' "$T/start" "$T/all.log" | sort)
is "$(balances)" "$want" "points and stored value are the sums of what succeeded"
is "$(sql "SELECT count(*) FROM sales")" "$(grep -c '^ok sale ' "$T/all.log")" \
   "every sale that succeeded is recorded, and no other"
is "$(sql "SELECT count(*) FROM sales WHERE voided_at IS NOT NULL")" \
   "$(grep -c '^ok void ' "$T/all.log")" "every void that succeeded is recorded"
run md check
exits 0 "check passes after the rush"
is "$err" "memberdesk: everything adds up" "everything adds up"

done_testing
