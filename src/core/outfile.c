/* outfile.c - writing exports and reports safely
 *
 * Export files hold phone numbers, so they are created 0600.  They are
 * written to a temporary name and renamed, so that a full disk or a
 * killed process leaves either the old file or the new one, never half.
 * Conversion to GB18030 (for old Excel) happens in a stdio cookie, so
 * the writers only ever see a FILE *.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/outfile.h"
#include "i18n.h"

struct conv {
	iconv_t cd;
	FILE *raw;
	char carry[8];		/* an unfinished UTF-8 character */
	size_t ncarry;
};

static bool
is_utf8(const char *encoding)
{
	return !encoding || strcasecmp(encoding, "utf-8") == 0 ||
	       strcasecmp(encoding, "utf8") == 0;
}

bool
outfile_encoding_ok(const char *encoding)
{
	return is_utf8(encoding) || strcasecmp(encoding, "gb18030") == 0;
}

static int
convert(struct conv *c, char *in, size_t n, bool at_end)
{
	char out[4096];

	while (n > 0) {
		char *op = out;
		size_t nout = sizeof out;
		size_t res = iconv(c->cd, &in, &n, &op, &nout);
		int err = errno;

		if (fwrite(out, 1, sizeof out - nout, c->raw) != sizeof out - nout)
			return -1;
		if (res != (size_t)-1 || err == E2BIG)
			continue;
		if (err == EINVAL && !at_end && n < sizeof c->carry) {
			memcpy(c->carry, in, n);
			c->ncarry = n;
			return 0;
		}
		errno = EILSEQ;
		return -1;
	}
	c->ncarry = 0;
	return 0;
}

static ssize_t
conv_write(void *cookie, const char *buf, size_t size)
{
	struct conv *c = cookie;
	char tmp[4096 + sizeof c->carry];
	size_t done = 0;

	while (done < size) {
		size_t take = size - done;

		if (take > 4096)
			take = 4096;
		memcpy(tmp, c->carry, c->ncarry);
		memcpy(tmp + c->ncarry, buf + done, take);
		if (convert(c, tmp, c->ncarry + take, false) < 0)
			return -1;
		done += take;
	}
	return (ssize_t)size;
}

static int
conv_close(void *cookie)
{
	struct conv *c = cookie;
	int rc = c->ncarry ? convert(c, c->carry, c->ncarry, true) : 0;

	iconv_close(c->cd);
	free(c);
	return rc;
}

static int
open_conv(struct md *md, struct outfile *of, const char *encoding)
{
	cookie_io_functions_t io = { .write = conv_write, .close = conv_close };
	struct conv *c = calloc(1, sizeof *c);

	if (!c)
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	c->cd = iconv_open(encoding, "UTF-8");
	if (c->cd == (iconv_t)-1) {
		free(c);
		return md_fail(md, MD_EIO, _("cannot convert to %s: %s"), encoding,
			       strerror(errno));
	}
	c->raw = of->raw;
	if (!(of->fp = fopencookie(c, "w", io))) {
		iconv_close(c->cd);
		free(c);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	of->conv = c;
	return MD_OK;
}

/* A temporary file beside PATH, 0600. */
static int
open_tmp(struct md *md, struct outfile *of, const char *path)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	int fd;

	if (asprintf(&of->tmp, "%.*s.%s.XXXXXX", dirlen, path,
		     slash ? slash + 1 : path) < 0) {
		of->tmp = NULL;
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	if ((fd = mkstemp(of->tmp)) < 0) {
		int err = errno;

		free(of->tmp);
		of->tmp = NULL;
		return md_fail(md, MD_EIO, _("cannot write %s: %s"), path,
			       strerror(err));
	}
	fchmod(fd, 0600);
	if (!(of->raw = fdopen(fd, "w"))) {
		close(fd);
		unlink(of->tmp);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	return MD_OK;
}

int
outfile_open(struct md *md, const char *path, const char *encoding, bool bom,
	     struct outfile *of)
{
	struct stat st;
	int rc;

	memset(of, 0, sizeof of[0]);
	if (!outfile_encoding_ok(encoding))
		return md_fail(md, MD_EINVAL,
			       _("unknown encoding \"%s\" (utf-8 or gb18030)"), encoding);
	if (!path || strcmp(path, "-") == 0) {
		of->raw = stdout;
	} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (!(of->raw = fopen(path, "w")))
			return md_fail(md, MD_EIO, _("cannot write %s: %s"), path,
				       strerror(errno));
		of->path = strdup(path);
	} else {
		if ((rc = open_tmp(md, of, path)))
			return rc;
		of->path = strdup(path);
	}
	of->fp = of->raw;
	if (!is_utf8(encoding) && (rc = open_conv(md, of, encoding))) {
		outfile_abort(of);
		return rc;
	}
	if (bom && is_utf8(encoding))
		fputs("\xEF\xBB\xBF", of->fp);
	return MD_OK;
}

static int
finish(struct outfile *of)
{
	int bad = 0;

	if (of->fp != of->raw) {
		bad |= fclose(of->fp) != 0;	/* flushes through the converter */
		of->fp = of->raw;
		of->conv = NULL;
	}
	bad |= fflush(of->raw) != 0 || ferror(of->raw);
	if (of->tmp)
		bad |= fsync(fileno(of->raw)) != 0;
	return bad ? -1 : 0;
}

int
outfile_commit(struct md *md, struct outfile *of)
{
	const char *name = of->path ? of->path : _("standard output");
	int err = 0;

	errno = 0;
	if (finish(of) != 0)
		err = errno ? errno : EIO;
	if (of->raw != stdout && fclose(of->raw) != 0 && !err)
		err = errno;
	of->raw = of->fp = NULL;
	if (!err && of->tmp && rename(of->tmp, of->path) != 0)
		err = errno;
	if (err) {
		md_fail(md, MD_EIO, _("cannot write %s: %s"), name, strerror(err));
		outfile_abort(of);
		return MD_EIO;
	}
	free(of->tmp);
	free(of->path);
	of->tmp = of->path = NULL;
	return MD_OK;
}

void
outfile_abort(struct outfile *of)
{
	if (of->fp && of->fp != of->raw)
		fclose(of->fp);
	if (of->raw && of->raw != stdout)
		fclose(of->raw);
	if (of->tmp)
		unlink(of->tmp);
	free(of->tmp);
	free(of->path);
	memset(of, 0, sizeof of[0]);
}
