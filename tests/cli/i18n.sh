#!/bin/sh
# i18n.sh - Chinese messages, tables aligned in Chinese, complete catalogs
. "$top_srcdir/tests/lib.sh"

md member add --phone 13800138000 --name 张三 --tag VIP >/dev/null

export LANGUAGE=zh_CN
rejects 1 "手机号 13800138000 已被卡号 100008（张三）使用" "zh_CN: a duplicate phone" \
	md member add --phone 13800138000 --name 李四
run md member list
is "$(printf '%s\n' "$out" | head -n 1)" \
   "卡号    手机号       姓名  性别  生日  入会日期    等级  积分  储值  状态  标签" \
   "zh_CN: table headers in Chinese, aligned by display width"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
   "100008  13800138000  张三              2026-11-23  普通     0  0.00  正常  VIP" \
   "zh_CN: rows line up under them"
run md member list --format csv
is "$(printf '%s\n' "$out" | head -n 1)" \
   "card,phone,name,gender,birthday,joined,tier,points,wallet,status,tags" \
   "zh_CN: csv keeps its English keys for scripts"
like "$(printf '%s\n' "$out" | tail -n 1)" ",active," "zh_CN: and its English values"
run md --help
like "$out" "用法" "zh_CN: --help"

export LANGUAGE=zh_TW
rejects 1 "手機號碼 13800138000 已屬於卡號 100008（张三）" "zh_TW: a duplicate phone" \
	md member add --phone 13800138000 --name 李四
run md member show 100008
like "$out" "卡號" "zh_TW: labels in Traditional Chinese"
like "$out" "正常" "zh_TW: status"

export LANGUAGE=
rejects 1 "phone 13800138000 already belongs to card 100008 (张三)" "English without LANGUAGE" \
	md member add --phone 13800138000 --name 李四

# Every source file with a message for people is in POTFILES.in (a
# header's X-macro too), or its messages never reach the catalogs.
missing=
for f in $(cd "$top_srcdir" && grep -l -e 'N_("' -e '_("' src/*.c src/*/*.c src/*/*.h); do
	grep -qx "$f" "$top_srcdir/po/POTFILES.in" || missing="$missing $f"
done
is "$missing" "" "every source file with messages is in po/POTFILES.in"

# Every catalog translates every message in the sources, and is valid.
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
	(cd "$top_srcdir" &&
	 xgettext --keyword=_ --keyword=N_ --keyword=P_:1,2 --from-code=UTF-8 \
		-o "$T/current.pot" --files-from=po/POTFILES.in 2>/dev/null)
	for lang in $(cat "$top_srcdir/po/LINGUAS"); do
		po="$top_srcdir/po/$lang.po"
		run msgfmt -c --check-format -o /dev/null "$po"
		exits 0 "$lang.po is a valid catalog"
		run msgcmp "$po" "$T/current.pot"
		exits 0 "$lang.po translates every message in the sources"
		[ "$rc" -eq 0 ] || diag "$err"
		run msgfmt --statistics -o /dev/null "$po"
		unlike "$err" "fuzzy" "$lang.po has no fuzzy translations"
	done
else
	pass "# SKIP gettext tools are not installed"
fi

done_testing
