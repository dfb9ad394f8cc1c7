/* test_backup.c - the rules of dated backups: names, pruning, due today */
#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "core/backup.h"
#include "core/settings.h"
#include "testdb.h"

static void
touch(const char *dir, const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fd = open(path, O_WRONLY | O_CREAT, 0600)) >= 0)
		close(fd);
}

/* The names in DIR, sorted, space-separated. */
static char *
listing(const char *dir)
{
	static char out[1024];
	char cmd[300];
	FILE *p;
	size_t n;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | tr '\\n' ' '", dir);
	p = popen(cmd, "r");
	n = p ? fread(out, 1, sizeof out - 1, p) : 0;
	out[n] = '\0';
	if (p)
		pclose(p);
	return out;
}

static void
test_names(void)
{
	char key[BACKUP_KEY_MAX];

	ok(backup_name_key("memberdesk", "memberdesk-2026-12-01-093000.db", key),
	   "a dated backup's name is recognised");
	is_str(key, "2026-12-01-093000-001", "and sorts as the first of its second");
	ok(backup_name_key("memberdesk", "memberdesk-2026-12-01-093000-12.db", key),
	   "the 12th in one second too");
	is_str(key, "2026-12-01-093000-012", "sorting after the 2nd");
	ok(!backup_name_key("memberdesk", "memberdesk-2-2026-12-01-093000.db", key),
	   "not a backup of memberdesk-2.db");
	ok(backup_name_key("memberdesk-2", "memberdesk-2-2026-12-01-093000.db", key),
	   "which is memberdesk-2's");
	ok(!backup_name_key("memberdesk", "memberdesk-2026-12-01-093000.db.bak", key),
	   "not with another ending");
	ok(!backup_name_key("memberdesk", "memberdesk-2026-12-01-0930.db", key),
	   "not with a short time");
	ok(!backup_name_key("memberdesk", "memberdesk-2026-12-01-093000-1.db", key),
	   "not numbered 1 (the first has no number)");
	ok(!backup_name_key("memberdesk", "memberdesk-2026-12-01-093000-0.db", key),
	   "nor 0");
	ok(!backup_name_key("memberdesk", ".memberdesk-tmp-a1b2c3", key),
	   "a temporary file is not a backup");
	ok(!backup_name_key("memberdesk", "memberdesk.db", key), "nor the database");
}

static void
test_prune(struct md *md)
{
	char dir[] = "/tmp/md-prune.XXXXXX", cmd[64];
	int removed = -1;

	if (!mkdtemp(dir))
		exit(99);
	touch(dir, "shop-2026-01-02-090000.db");
	touch(dir, "shop-2026-01-01-090000-2.db");
	touch(dir, "shop-2026-01-01-090000.db");
	touch(dir, "shop-2026-01-03-090000.db");
	touch(dir, "shop-2025-12-31-235959.db");
	touch(dir, "notes.txt");
	touch(dir, "other-2020-01-01-000000.db");
	touch(dir, "shop-keep.db");
	ok(backup_prune(md, dir, "shop", 3, NULL, &removed) == MD_OK, "prune to 3");
	is_int(removed, 2, "two removed");
	is_str(listing(dir),
	       "notes.txt other-2020-01-01-000000.db shop-2026-01-01-090000-2.db "
	       "shop-2026-01-02-090000.db shop-2026-01-03-090000.db shop-keep.db ",
	       "the oldest went, by time (the 2nd of a second after the 1st); other files stay");
	ok(backup_prune(md, dir, "shop", 1, "/somewhere/shop-2026-01-01-090000-2.db",
			&removed) == MD_OK, "prune to 1, sparing the one just written");
	is_str(listing(dir),
	       "notes.txt other-2020-01-01-000000.db shop-2026-01-01-090000-2.db shop-keep.db ",
	       "the spared one stays though it is the oldest");
	ok(backup_prune(md, dir, "shop", 0, NULL, &removed) == MD_OK && removed == 0,
	   "keep 0 removes nothing");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

static bool
due(struct md *md)
{
	bool d = false;

	if (backup_due(md, &d) != MD_OK)
		printf("# backup_due: %s\n", md->err);
	return d;
}

static void
test_due(struct md *md)
{
	struct backup_result res;
	bool done;

	testdb_open(md, "2026-12-01 09:30:00");
	ok(!due(md), "an empty new shop needs no backup");
	settings_set(md, "shop_name", "清心茶馆");
	ok(due(md), "once it holds something, today's is due");
	ok(backup_daily(md, &done, &res) == MD_OK && done, "the daily backup writes it");
	like(res.path, "/backups/shop", "in the backups folder, named for the database");
	like(res.path, "-2026-12-01-093000.db", "and the time");
	ok(!due(md), "then nothing is due today");
	ok(backup_daily(md, &done, &res) == MD_OK && !done, "and a second run writes nothing");
	md->now += 14 * 3600;
	ok(!due(md), "not later that day either");
	md->now += 10 * 3600;
	ok(due(md), "the next day it is due again");
	settings_set(md, "backup_keep", "0");
	ok(!due(md), "backup_keep 0 turns the daily backup off");
	db_close(md);
}

int
main(void)
{
	struct md md;

	if (md_init(&md) != MD_OK)
		return 99;
	test_names();
	test_prune(&md);
	test_due(&md);
	testdb_cleanup();
	return done_testing();
}
