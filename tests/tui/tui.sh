# tests/tui/tui.sh - drive the real program in tmux at 80x24, headless.
#
# tui_start ARG...   start memberdesk ARG... in a fresh tmux server and
#                    wait until it is ready for keys (or has ended)
# tui_keys KEY...    tmux send-keys (once the keys sent before are read)
# tui_resize COLS ROWS
# tui_wait TEXT      wait until TEXT is on the screen
# tui_gone TEXT      wait until TEXT is no longer on the screen
# tui_idle           wait until the keys sent are read and the screen drawn
# tui_screen         what the screen shows now (text, no colours)
# screen_is NAME DESC  the screen below its title bar is expected/NAME.screen
#
# No wait here is a guess of time.  The program runs with
# MEMBERDESK_TUI_IDLE set: each time it has drawn and waits for a key, it
# puts the number of keys it has read so far in the pane's title (see
# src/tui/tui.c).  The title comes down the terminal after the frame, so
# once tmux shows it, tmux shows that frame whole.  The screen has
# settled when that number is past what it was when the last keys were
# sent, or when the program has ended.  tui_wait succeeds as soon as TEXT
# is on a settled screen.  It fails only when the screen has settled
# without TEXT and stayed so, no key read, for TUI_GRACE tenths of a
# second, or at the backstop, TUI_BACKSTOP tenths, for a program that
# hangs.  So a loaded machine makes a test slower, never fail.
#
# When the program ends the pane shows "[exit N] [tty restored]" (or
# "[tty changed]" when it left the terminal in another mode than it
# found it), until the test ends (an hour at most).  The pane's shell
# traps SIGINT so that it survives a ^C and can say so.

# TMUX_BIN is what configure found: empty when there is no tmux.  A name
# that is not a program is a broken build, not a reason to skip.
if [ -z "${TMUX_BIN:-}" ]; then
	command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
	TMUX_BIN=tmux
elif ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	echo "Bail out! configure took \"$TMUX_BIN\" for tmux, and it is not a program"
	exit 99
fi
: "${TUI_GRACE:=30}" "${TUI_BACKSTOP:=3000}"

# The server's socket in the test's own directory, not in /tmp's
# tmux-UID/: nothing is left behind, and no two tests share a name.
tmux_() { "$TMUX_BIN" -S "$T/tmux.sock" -f "$top_srcdir/tests/tui/tmux.conf" "$@"; }
trap 'tmux_ kill-server 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

TUI_TITLE="memberdesk idle "
TUI_NL='
'
tui_n=0		# the session is md$tui_n
tui_sent=-1	# the keys the program had read when the last keys were sent

tui_start() {
	_cmd="env LC_ALL=${LC_ALL:-C.UTF-8} LANGUAGE=${LANGUAGE:-} TZ=$TZ HOME=$HOME"
	_cmd="$_cmd MEMBERDESK_NOW='$MEMBERDESK_NOW' MEMBERDESK_LOCALEDIR='$MEMBERDESK_LOCALEDIR'"
	_cmd="$_cmd MEMBERDESK_TUI_IDLE=1"
	_cmd="trap true INT; _tty=\$(stty -g); $_cmd ${TUI_ENV:-} ${TUI_WRAP:-} '$MEMBERDESK' $*;"
	_cmd="$_cmd _rc=\$?; [ \"\$(stty -g)\" = \"\$_tty\" ] && _t=restored || _t=changed;"
	_cmd="$_cmd echo \"[exit \$_rc] [tty \$_t]\"; sleep 3600"
	# The new session first: killing the only one ends the server, and
	# a session started while it goes down goes down with it.
	tmux_ new-session -d -x 80 -y 24 -s "md$((tui_n + 1))" "$_cmd" ||
		diag "tmux did not start the program"
	tmux_ kill-session -t "md$tui_n" 2>/dev/null
	tui_n=$((tui_n + 1))
	tui_sent=-1
	tui_idle
}

tui_screen() { tmux_ capture-pane -p -t "md$tui_n"; }
# The screen with its attributes as escape sequences.
tui_screen_sgr() { tmux_ capture-pane -p -e -t "md$tui_n"; }

# tui_look_: one look, title and screen at the same moment.  $tui_read
# is the keys the program had read when it last waited (-1 before it
# first did), $tui_now the screen, $tui_settled yes or no.
tui_look_() {
	tui_settled=yes tui_read=-1 tui_now=
	if ! _look=$(tmux_ display-message -p -t "md$tui_n" '#{pane_title}' \; \
		capture-pane -p -t "md$tui_n" 2>/dev/null); then
		tmux_ has-session -t "md$tui_n" 2>/dev/null && tui_settled=no
		return 0	# settled if the pane is gone
	fi
	case $_look in *"$TUI_NL"*) tui_now=${_look#*"$TUI_NL"} ;; esac
	_look=${_look%%"$TUI_NL"*}
	case $_look in "$TUI_TITLE"*) tui_read=${_look#"$TUI_TITLE"} ;; esac
	case $tui_now in *"[exit "*) return 0 ;; esac
	[ "$tui_read" -gt "$tui_sent" ] || tui_settled=no
}

tui_idle() {
	_n=0
	while tui_look_; [ $tui_settled = no ]; do
		_n=$((_n + 1))
		if [ $_n -ge "$TUI_BACKSTOP" ]; then
			diag "the program did not draw and wait for keys" "screen:" "$tui_now"
			return 1
		fi
		sleep 0.1
	done
}

# tui_until_ on|off TEXT: wait for a settled screen with TEXT on it (on)
# or not (off).
tui_until_() {
	_n=0 _still=0 _was=
	while :; do
		tui_look_
		if [ $tui_settled = yes ]; then
			case $tui_now in *"$2"*) _is=on ;; *) _is=off ;; esac
			[ $_is = "$1" ] && return 0
			[ "$tui_read" = "$_was" ] && _still=$((_still + 1)) || _still=0
			_was=$tui_read
			[ $_still -ge "$TUI_GRACE" ] && return 1
		fi
		_n=$((_n + 1))
		[ $_n -ge "$TUI_BACKSTOP" ] && return 1
		sleep 0.1
	done
}

tui_wait() {
	tui_until_ on "$1" && return 0
	diag "waited for: $1" "screen:" "$tui_now"
	return 1
}

tui_gone() {
	tui_until_ off "$1" && return 0
	diag "still there: $1" "screen:" "$tui_now"
	return 1
}

# The program's pid: the child of the pane's shell.
tui_pid() {
	_sh=$(tmux_ display-message -p -t "md$tui_n" '#{pane_pid}')
	for _p in /proc/[0-9]*; do
		_pp=$(sed 's/.*) [A-Za-z] \([0-9]*\) .*/\1/' "$_p/stat" 2>/dev/null)
		[ "$_pp" = "$_sh" ] && { echo "${_p#/proc/}"; return; }
	done
}

# tui_send_ TMUX-COMMAND...: input for the program, once it has read
# what was sent before; else tui_sent would be too small, and the screen
# settle too soon.
tui_send_() {
	tui_idle
	tui_sent=$tui_read
	tmux_ "$@"
}

tui_keys() { tui_send_ send-keys -t "md$tui_n" "$@"; }

# A resize reaches the program as a key (KEY_RESIZE); a resize to the
# size it has already is none, and would be waited for in vain.
tui_resize() { tui_send_ resize-window -t "md$tui_n" -x "$1" -y "$2"; }

# screen_is NAME DESC: a test that the screen below its title bar (which
# holds the database's path and the operator) is, line by line,
# tests/tui/expected/NAME.screen.  MEMBERDESK_GOLDEN_SAVE=1 writes the
# screens instead, to review them.
screen_is() {
	_e="$top_srcdir/tests/tui/expected/$1.screen"
	tui_screen | sed 1d >"$T/$1.screen"
	if [ -n "${MEMBERDESK_GOLDEN_SAVE:-}" ]; then
		cp "$T/$1.screen" "$_e"
		pass "$2 # SKIP saved $_e"
	elif cmp -s "$T/$1.screen" "$_e"; then
		pass "$2"
	else
		fail "$2"
		diag "$(diff "$_e" "$T/$1.screen")"
	fi
}
