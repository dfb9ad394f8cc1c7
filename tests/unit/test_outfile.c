/* test_outfile.c - a file is replaced whole or not at all */
#include <config.h>

#include <dirent.h>
#include <sys/stat.h>

#include "core/outfile.h"
#include "testdb.h"

static char *
slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;

	buf[n] = '\0';
	if (fp)
		fclose(fp);
	return buf;
}

/* Files in DIR, for spotting a temporary file left behind. */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

int
main(void)
{
	char dir[] = "/tmp/md-outfile.XXXXXX", path[64], cmd[96];
	struct outfile of;
	struct stat sb;
	struct md md;

	if (!mkdtemp(dir) || md_init(&md) != MD_OK)
		return 99;
	snprintf(path, sizeof path, "%s/report.txt", dir);

	ok(outfile_open(&md, path, NULL, false, &of) == MD_OK, "open a new file");
	fputs("first\n", of.fp);
	ok(stat(path, &sb) != 0, "nothing at the target while it is written");
	ok(outfile_commit(&md, &of) == MD_OK, "commit");
	is_str(slurp(path), "first\n", "the target holds it");
	ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "with mode 0600");

	ok(outfile_open(&md, path, NULL, false, &of) == MD_OK, "open it again");
	fputs("half a report", of.fp);
	outfile_abort(&of);
	is_str(slurp(path), "first\n", "abort leaves the old file as it was");
	is_int(entries(dir), 1, "and no temporary file");

	ok(outfile_open(&md, "/dev/full", NULL, false, &of) == MD_OK, "a device is written directly");
	fputs("x\n", of.fp);
	ok(outfile_commit(&md, &of) == MD_EIO, "a failed write is an error");
	ok(strstr(md.err, "/dev/full") != NULL, "naming the file: %s", md.err);

	snprintf(path, sizeof path, "%s/missing/report.txt", dir);
	ok(outfile_open(&md, path, NULL, false, &of) == MD_EIO, "a missing directory: %s", md.err);

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return done_testing();
}
