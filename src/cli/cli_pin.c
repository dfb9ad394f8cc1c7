/* cli_pin.c - reading a PIN: from the environment, or from the terminal
 * without echo */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "i18n.h"

/* One line from the terminal FD, echo off, without its newline. */
static bool
read_hidden(int fd, const char *prompt, char *out, size_t n)
{
	struct termios old, quiet;
	bool echo_off;
	size_t len = 0;
	char c;

	if (write(fd, prompt, strlen(prompt)) < 0)
		return false;
	echo_off = tcgetattr(fd, &old) == 0;
	if (echo_off) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	while (read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
		if (len + 1 < n)
			out[len++] = c;
	out[len] = '\0';
	if (echo_off)
		tcsetattr(fd, TCSAFLUSH, &old);
	return write(fd, "\n", 1) == 1;
}

int
cli_read_pin(struct cli *cli, const char *env, const char *prompt, char *pin, size_t n)
{
	const char *v = getenv(env);
	int fd;
	bool ok;

	if (v) {
		if (strlen(v) >= n)
			return md_fail(cli->md, MD_EINVAL, _("a PIN is 4 to 8 digits"));
		strcpy(pin, v);
		return MD_OK;
	}
	if ((fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return md_fail(cli->md, MD_EPERM, _("no terminal to ask the PIN on: set %s"), env);
	ok = read_hidden(fd, prompt, pin, n);
	close(fd);
	if (!ok) {
		sodium_memzero(pin, n);
		return md_fail(cli->md, MD_EIO, _("cannot read the PIN from the terminal"));
	}
	return MD_OK;
}
