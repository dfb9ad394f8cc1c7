/* printer.c - lp(1) as the way to the printer
 *
 * CUPS knows the shop's printers, their paper and their drivers;
 * memberdesk hands lp a document (a PDF, or text) and the queue to
 * print it on, or none for the default printer.  lp's own output goes to temporary files
 * rather than pipes, so that nothing can block whatever lp says.
 */
#include <config.h>

#include <errno.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/printer.h"
#include "core/text.h"
#include "i18n.h"

extern char **environ;

/* The first line of what FP holds, trimmed, into OUT. */
static void
first_line(FILE *fp, char *out, size_t n)
{
	char line[512] = "";

	rewind(fp);
	if (!fgets(line, sizeof line, fp))
		line[0] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	text_trim(line, out, n);
}

/* Start lp with IN as its standard input, OUT and ERR as its output;
 * *PID gets the child.  Returns 0 or an errno value. */
static int
run_lp(const char *queue, int in, FILE *out, FILE *err, pid_t *pid)
{
	char *argv[] = {"lp", NULL, NULL, NULL};
	posix_spawn_file_actions_t fa;
	int rc;

	if (queue && *queue) {
		argv[1] = "-d";
		argv[2] = (char *)queue;
	}
	if ((rc = posix_spawn_file_actions_init(&fa)))
		return rc;
	if (!(rc = posix_spawn_file_actions_adddup2(&fa, in, 0)) &&
	    !(rc = posix_spawn_file_actions_adddup2(&fa, fileno(out), 1)) &&
	    !(rc = posix_spawn_file_actions_adddup2(&fa, fileno(err), 2)))
		rc = posix_spawnp(pid, "lp", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

static int
report(struct md *md, int spawn_rc, int status, FILE *said, FILE *err, FILE *out)
{
	char why[512], line[512];

	if (spawn_rc == ENOENT || (spawn_rc == 0 && WIFEXITED(status) &&
				   WEXITSTATUS(status) == 127))
		return md_fail(md, MD_EIO,
			       _("cannot print: the lp command is not installed (it comes with CUPS)"));
	if (spawn_rc)
		return md_fail(md, MD_EIO, _("cannot print: %s"), strerror(spawn_rc));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		first_line(err, why, sizeof why);
		if (!*why)
			snprintf(why, sizeof why, _("lp failed"));
		return md_fail(md, MD_EIO, _("cannot print: no printer is set up (%s)"), why);
	}
	first_line(said, line, sizeof line);
	if (*line)
		fprintf(out, "%s\n", line);
	return MD_OK;
}

int
printer_send(struct md *md, FILE *fp, FILE *out)
{
	return printer_send_to(md, fp, NULL, out);
}

int
printer_send_to(struct md *md, FILE *fp, const char *queue, FILE *out)
{
	FILE *said = tmpfile(), *err = tmpfile();
	int status = 0, rc;
	pid_t pid;

	if (!said || !err) {
		rc = md_fail(md, MD_EIO, _("cannot print: %s"), strerror(errno));
		goto out;
	}
	if (fflush(fp) != 0 || lseek(fileno(fp), 0, SEEK_SET) < 0) {
		rc = md_fail(md, MD_EIO, _("cannot print: %s"), strerror(errno));
		goto out;
	}
	fflush(out);
	rc = run_lp(queue, fileno(fp), said, err, &pid);
	if (rc == 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	rc = report(md, rc, status, said, err, out);
out:
	if (said)
		fclose(said);
	if (err)
		fclose(err);
	return rc;
}

int
printer_print(struct md *md, int (*write)(FILE *fp, const void *arg), const void *arg,
	      FILE *out)
{
	FILE *tmp = tmpfile();
	int rc;

	if (!tmp)
		return md_fail(md, MD_EIO, _("cannot print: %s"), strerror(errno));
	errno = 0;
	if (write(tmp, arg) < 0 || fflush(tmp) != 0)
		rc = md_fail(md, MD_EIO, _("cannot print: %s"), strerror(errno ? errno : EIO));
	else
		rc = printer_send(md, tmp, out);
	fclose(tmp);
	return rc;
}
