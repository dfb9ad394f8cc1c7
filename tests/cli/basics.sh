#!/bin/sh
# basics.sh - help, version, usage errors and write errors
. "$top_srcdir/tests/lib.sh"

run "$MEMBERDESK" --help
exits 0 "--help exits 0"
like "$out" "Usage: memberdesk [--db FILE] [--operator NAME] [COMMAND [ARG]...]" "--help starts with the usage line"
like "$out" "member " "--help lists the member command"
for group in sale points wallet tier settings audit check; do
	like "$out" "  $group " "--help lists $group"
done
like "$out" "--db FILE" "--help documents --db"
is "$err" "" "--help writes nothing to stderr"

run "$MEMBERDESK" --version
exits 0 "--version exits 0"
like "$(echo "$out" | head -n 1)" "memberdesk " "--version starts with the program name"
like "$out" "NO WARRANTY" "--version carries the warranty notice"

run "$MEMBERDESK" --bogus
exits 2 "an unknown option is a usage error"
like "$err" "unknown option --bogus" "naming the option"
like "$err" "Try 'memberdesk --help'" "pointing at --help"

run "$MEMBERDESK" frobnicate
exits 2 "an unknown command is a usage error"
like "$err" 'unknown command "frobnicate"' "naming the command"

run "$MEMBERDESK" --db
exits 2 "--db without a file is a usage error"

run md member
exits 2 "a group without a command is a usage error"
like "$err" "which command?" "asking which"

run md member help
exits 0 "member help lists the commands"
like "$out" "find" "including find"

run md member frob
exits 2 "an unknown member command"
like "$err" 'unknown command "frob"' "is named"

run md member add --phone 13800138000 --name 张三 --color red
exits 2 "an unknown option of a subcommand"
like "$err" "Try 'memberdesk member add --help'" "points at that subcommand's help"

run md member add --phone
exits 2 "an option without its value"
like "$err" "option --phone needs a value" "says which"

for sub in add show edit tag untag freeze unfreeze delete restore merge find list; do
	run md member $sub --help
	if [ "$rc" -eq 0 ] && [ -n "$out" ] && [ -z "$err" ]; then
		pass "member $sub --help"
	else
		fail "member $sub --help"; diag "rc=$rc" "$out" "$err"
	fi
done
for cmd in "settings show" "settings set" "audit" "check" \
	"sale add" "sale void" "sale list" "sale show" "sale receipt" \
	"points adjust" "points history" "points expire" \
	"wallet recharge" "wallet refund" "wallet history" "wallet rules" \
	"tier list" "tier add" "tier edit" "tier delete" "tier evaluate" "tier assign"; do
	run md $cmd --help
	exits 0 "$cmd --help"
done

# Output that cannot be written is an error (GNU close_stdout).
if [ -w /dev/full ]; then
	"$MEMBERDESK" --help >/dev/full 2>"$T/err"
	rc=$?
	is "$rc" 1 "--help to a full disk exits 1"
	like "$(cat "$T/err")" "write error" "and says write error"
	md member add --phone 13800138000 --name 张三 >/dev/null
	md member list >/dev/full 2>"$T/err"
	rc=$?
	is "$rc" 1 "member list to a full disk exits 1"
	like "$(cat "$T/err")" "write error" "and says write error"
	md member add --phone 13900139000 --name 李四 >/dev/full 2>"$T/err"
	is "$?" 1 "member add to a full disk reports the lost card number"
	md sale add 100008 --amount 10 >/dev/null
	for cmd in "sale list --format csv" "points history 100008" "tier list" "audit" "settings show"; do
		md $cmd >/dev/full 2>"$T/err"
		rc=$?
		like "$rc:$(cat "$T/err")" "1:memberdesk: write error" "$cmd to a full disk is a write error"
	done
else
	pass "# SKIP /dev/full is not available"
fi

done_testing
