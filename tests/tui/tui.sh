# tests/tui/tui.sh - drive the real program in tmux at 80x24, headless.
#
# tui_start ARG...   start memberdesk ARG... in a fresh tmux server
# tui_screen         what the screen shows now (text, no colours)
# tui_wait TEXT      wait until TEXT is on the screen (or fail after 10s)
# tui_keys KEY...    tmux send-keys
# tui_resize COLS ROWS
#
# When the program ends the pane shows "[exit N] [tty restored]" (or
# "[tty changed]" when it left the terminal in another mode than it
# found it).  The pane's shell traps SIGINT so that it survives a ^C
# and can say so.

# TMUX_BIN is what configure found: empty when there is no tmux.  A name
# that is not a program is a broken build, not a reason to skip.
if [ -z "${TMUX_BIN:-}" ]; then
	command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
	TMUX_BIN=tmux
elif ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	echo "Bail out! configure took \"$TMUX_BIN\" for tmux, and it is not a program"
	exit 99
fi

TUI_SOCK="md-test-$$"
tmux_() { "$TMUX_BIN" -L "$TUI_SOCK" -f "$T/tmux.conf" "$@"; }
printf 'set -g default-terminal screen\nset -g status off\nset -g escape-time 0\n' >"$T/tmux.conf"
trap 'tmux_ kill-server 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

tui_n=0		# the session is md$tui_n

tui_start() {
	_cmd="env LC_ALL=${LC_ALL:-C.UTF-8} LANGUAGE=${LANGUAGE:-} TZ=$TZ HOME=$HOME"
	_cmd="$_cmd MEMBERDESK_NOW='$MEMBERDESK_NOW' MEMBERDESK_LOCALEDIR='$MEMBERDESK_LOCALEDIR'"
	_cmd="trap true INT; _tty=\$(stty -g); $_cmd ${TUI_ENV:-} ${TUI_WRAP:-} '$MEMBERDESK' $*;"
	_cmd="$_cmd _rc=\$?; [ \"\$(stty -g)\" = \"\$_tty\" ] && _t=restored || _t=changed;"
	_cmd="$_cmd echo \"[exit \$_rc] [tty \$_t]\"; sleep 30"
	# The new session first: killing the only one ends the server, and
	# a session started while it goes down goes down with it.
	tmux_ new-session -d -x 80 -y 24 -s "md$((tui_n + 1))" "$_cmd" ||
		diag "tmux did not start the program"
	tmux_ kill-session -t "md$tui_n" 2>/dev/null
	tui_n=$((tui_n + 1))
}

tui_screen() { tmux_ capture-pane -p -t "md$tui_n"; }
# The screen with its attributes as escape sequences.
tui_screen_sgr() { tmux_ capture-pane -p -e -t "md$tui_n"; }

tui_wait() {
	_i=0
	while [ $_i -lt 100 ]; do
		case $(tui_screen) in *"$1"*) return 0 ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	diag "waited for: $1" "screen:" "$(tui_screen)"
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

tui_keys() { tmux_ send-keys -t "md$tui_n" "$@"; }

tui_resize() { tmux_ resize-window -t "md$tui_n" -x "$1" -y "$2"; }
