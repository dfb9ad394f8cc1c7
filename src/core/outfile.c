/* outfile.c - temporary file, fsync, rename */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/outfile.h"
#include "i18n.h"

static void
release(struct outfile *of)
{
	free(of->path);
	free(of->tmp);
	of->path = of->tmp = NULL;
	of->fp = NULL;
}

static int
open_direct(struct md *md, const char *path, struct outfile *of)
{
	if (!(of->fp = fopen(path, "w"))) {
		int e = errno;

		release(of);
		return md_fail(md, MD_EIO, _("cannot write %s: %s"), path, strerror(e));
	}
	return MD_OK;
}

int
outfile_open(struct md *md, const char *path, struct outfile *of)
{
	struct stat sb;
	size_t n = strlen(path);
	int fd, e;

	memset(of, 0, sizeof *of);
	if (!(of->path = strdup(path)) || !(of->tmp = malloc(n + 16))) {
		release(of);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		free(of->tmp);
		of->tmp = NULL;
		return open_direct(md, path, of);
	}
	/* Beside the target, so that rename() never crosses file systems. */
	snprintf(of->tmp, n + 16, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(of->tmp)) < 0) {
		e = errno;
		release(of);
		return md_fail(md, MD_EIO, _("cannot write %s: %s"), path, strerror(e));
	}
	if (!(of->fp = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		unlink(of->tmp);
		release(of);
		return md_fail(md, MD_EIO, _("cannot write %s: %s"), path, strerror(e));
	}
	return MD_OK;
}

int
outfile_commit(struct md *md, struct outfile *of)
{
	bool failed = ferror(of->fp) || fflush(of->fp) != 0 ||
		      (of->tmp && fsync(fileno(of->fp)) != 0);
	int e = errno;

	if (fclose(of->fp) != 0 && !failed) {
		failed = true;
		e = errno;
	}
	of->fp = NULL;
	if (!failed && of->tmp && rename(of->tmp, of->path) != 0) {
		failed = true;
		e = errno;
	}
	if (failed) {
		if (of->tmp)
			unlink(of->tmp);
		md_fail(md, MD_EIO, _("cannot write %s: %s"), of->path,
			strerror(e ? e : EIO));
	}
	release(of);
	return failed ? MD_EIO : MD_OK;
}

void
outfile_abort(struct outfile *of)
{
	if (of->fp)
		fclose(of->fp);
	if (of->tmp)
		unlink(of->tmp);
	release(of);
}
