/* backup_job.c - today's automatic backup in a thread of its own
 *
 * The full-screen interface must answer the counter while the backup is
 * written.  Stepping the copy in the main loop's idle time would do for
 * the copy, but not for the check after it: PRAGMA integrity_check is one
 * statement, and at a million members it runs for many seconds.  So the
 * whole backup runs in a thread, with connections of its own (SQLite is
 * built thread-safe) and a context of its own (nothing in it touches
 * md->db); the interface only asks whether it is done.
 */
#include <config.h>

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/backup_priv.h"
#include "i18n.h"

struct backup_job {
	pthread_t thread;
	struct md md;			/* the thread's: path, clock, message */
	struct backup_place place;
	atomic_bool cancel, done;
	int status;
	bool wrote;
	struct backup_result res;
};

static void *
run(void *arg)
{
	struct backup_job *job = arg;

	job->status = backup_daily_write(&job->md, &job->place, &job->cancel,
					 &job->wrote, &job->res);
	atomic_store(&job->done, true);
	return NULL;
}

/* Start RUN with every signal blocked, so that ^C and SIGWINCH still
 * reach the interface's own thread. */
static int
start(struct md *md, struct backup_job *job)
{
	sigset_t all, old;
	int err;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&job->thread, NULL, run, job);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err)
		return md_fail(md, MD_ENOMEM, _("cannot start the daily backup: %s"),
			       strerror(err));
	return MD_OK;
}

int
backup_daily_start(struct md *md, struct backup_job **out)
{
	struct backup_job *job;
	bool due;
	int rc;

	*out = NULL;
	if ((rc = backup_due(md, &due)) || !due)
		return rc;
	if (!sqlite3_threadsafe()) {
		/* An SQLite built for one thread: at the start, then. */
		struct backup_result res;

		return backup_daily(md, &due, &res);
	}
	if (!(job = calloc(1, sizeof *job)))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	if ((rc = backup_place_ours(md, &job->place)))
		goto fail;
	job->place.skip_empty = true;
	job->md.now = md->now;
	memcpy(job->md.operator_name, md->operator_name, sizeof job->md.operator_name);
	job->md.on_behalf = true;	/* today's backup, as backup_daily's */
	if (!(job->md.path = strdup(md->path))) {
		rc = md_fail(md, MD_ENOMEM, _("out of memory"));
		goto fail;
	}
	atomic_init(&job->cancel, false);
	atomic_init(&job->done, false);
	if ((rc = start(md, job)))
		goto fail;
	*out = job;
	return MD_OK;
fail:
	free(job->md.path);
	free(job);
	return rc;
}

bool
backup_job_done(struct backup_job *job)
{
	return atomic_load(&job->done);
}

int
backup_job_end(struct md *md, struct backup_job *job, bool cancel, bool *done,
	       struct backup_result *res)
{
	int rc;

	if (cancel)
		atomic_store(&job->cancel, true);
	pthread_join(job->thread, NULL);
	rc = job->status;
	*done = job->wrote;
	*res = job->res;
	/* Stopped because we asked: no file is left, and tomorrow's first
	 * use (or today's next) tries again. */
	if (rc && cancel)
		rc = MD_OK;
	if (rc)
		memcpy(md->err, job->md.err, sizeof md->err);
	free(job->md.path);
	free(job);
	return rc;
}
