# tests/lib.sh - TAP helpers and a scratch shop for the shell tests.
#
# Each test script sources this, gets a private temporary directory $T,
# a database path $DB, a pinned clock and HOME, and writes TAP.

set -u
: "${MEMBERDESK:?run the tests through make check}"
: "${SQLITE3:=sqlite3}"

T=$(mktemp -d "${TMPDIR:-/tmp}/md-test.XXXXXX") || exit 99
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
DB="$T/shop.db"
export HOME="$T/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME
export MEMBERDESK_NOW="2026-11-23 10:00:00"
tap_n=0
tap_failed=0
# In a sanitizer build, reports land in $T and fail the script at the end
# (a report on stderr alone could hide behind an expected exit status).
export ASAN_OPTIONS="log_path=$T/sanitizer:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="log_path=$T/sanitizer:print_stacktrace=1:${UBSAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"

if ! command -v "$SQLITE3" >/dev/null 2>&1; then
	echo "Bail out! the sqlite3 command-line shell is needed to check databases"
	exit 99
fi

# md ARG...: the real binary on the scratch database.
md() { "$MEMBERDESK" --db "$DB" "$@"; }

# run CMD...: run it, keeping $out (stdout), $err (stderr) and $rc.
run() {
	out=$("$@" 2>"$T/.err")
	rc=$?
	err=$(cat "$T/.err")
}

pass() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
fail() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}
diag() { printf '%s\n' "$@" | sed 's/^/#   /'; }

# is GOT WANT DESC
is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3"
		diag "got:" "$1" "want:" "$2"
	fi
}

# like GOT SUBSTRING DESC
like() {
	case $1 in
	*"$2"*) pass "$3" ;;
	*) fail "$3"; diag "\"$1\"" "does not contain \"$2\"" ;;
	esac
}

unlike() {
	case $1 in
	*"$2"*) fail "$3"; diag "\"$1\"" "contains \"$2\"" ;;
	*) pass "$3" ;;
	esac
}

# exits N DESC: the last run ended with status N.
exits() {
	if [ "$rc" -eq "$1" ]; then
		pass "$2"
	else
		fail "$2"
		diag "exit status $rc, want $1" "stdout: $out" "stderr: $err"
	fi
}

# What the database holds, to prove a refused command changed nothing.
dbsum() {
	if [ -f "$DB" ]; then
		"$SQLITE3" "$DB" .dump | cksum
	else
		echo "no database"
	fi
}

# rejects STATUS MESSAGE DESC CMD...: CMD fails with STATUS, says
# MESSAGE on stderr, prints nothing on stdout and leaves the database
# exactly as it was.
rejects() {
	_status=$1 _msg=$2 _desc=$3
	shift 3
	_before=$(dbsum)
	run "$@"
	exits "$_status" "$_desc: exit status $_status"
	like "$err" "$_msg" "$_desc: says why"
	is "$out" "" "$_desc: nothing on stdout"
	is "$(dbsum)" "$_before" "$_desc: database unchanged"
}

# sql QUERY: ask the database directly (read-only checks in tests).
sql() { "$SQLITE3" -batch -noheader "$DB" "$1"; }

# hold_lock DB SQL SECONDS: in the background, a sqlite3 shell runs SQL
# in a transaction on DB (BEGIN for a read lock, BEGIN IMMEDIATE for the
# write lock), keeps it SECONDS and commits.  Returns once the lock is
# held, however loaded the machine: the shell says so itself.  Collect
# the shell with `wait`.
hold_lock() {
	_held="$T/.held.$$"
	rm -f "$_held"
	( printf '%s;\n.system touch %s\n' "$2" "$_held"; sleep "$3"; echo "COMMIT;" ) |
		"$SQLITE3" "$1" >/dev/null &
	_i=0
	while [ ! -e "$_held" ] && [ "$_i" -lt 600 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}

# as_user CMD...: CMD as an unprivileged user when we are root (root may
# write anywhere, so a permission test would prove nothing, and CI runs
# as root); returns 99 when no user can be taken here.  What CMD reads
# must be readable by that user: $T is opened up for it.
AS_USER_ID=$(id -u)
as_user() { "$@"; }
if [ "$AS_USER_ID" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		AS_USER_ID=65534
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
		chmod 755 "$T"
	else
		as_user() { return 99; }
	fi
fi

skip_all() { echo "1..0 # SKIP $1"; exit 0; }

done_testing() {
	if ls "$T"/sanitizer.* >/dev/null 2>&1; then
		fail "sanitizer reports"
		diag "$(cat "$T"/sanitizer.*)"
	fi
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
