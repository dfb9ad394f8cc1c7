/* rfm_job.c - the last week's RFM snapshot in a thread of its own
 *
 * As today's backup (backup_job.c): the screens answer the counter from
 * the first screen on while a large shop's week is scored and written.
 * The thread has a connection and a context of its own; the snapshot
 * goes in short transactions (rfm_week.c), so a sale waits at most for
 * one of them, and a screen that needs the week first waits for the
 * thread's writing rather than doing it again.
 */
#include <config.h>

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/rfm.h"
#include "i18n.h"

struct rfm_job {
	pthread_t thread;
	struct md md;			/* the thread's: clock, message */
	char *path;
	atomic_bool done;
	int status;
};

static void *
run(void *arg)
{
	struct rfm_job *job = arg;

	if (!(job->status = db_open(&job->md, job->path, false)))
		job->status = rfm_week_ensure(&job->md, NULL);
	db_close(&job->md);
	atomic_store(&job->done, true);
	return NULL;
}

int
rfm_job_start(struct md *md, struct rfm_job **out)
{
	struct rfm_job *job;
	sigset_t all, old;
	bool due;
	int rc, err;

	*out = NULL;
	if ((rc = rfm_week_due(md, &due)) || !due)
		return rc;
	if (!db_threadsafe())	/* an SQLite built for one thread: at once */
		return rfm_week_ensure(md, NULL);
	if (!(job = calloc(1, sizeof *job)))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	job->md.now = md->now;
	memcpy(job->md.operator_name, md->operator_name, sizeof job->md.operator_name);
	job->md.on_behalf = true;	/* the week's rules are nobody's doing */
	if (!(job->path = strdup(md->path))) {
		free(job);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	atomic_init(&job->done, false);
	/* Every signal blocked, so that ^C and SIGWINCH still reach the
	 * interface's own thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&job->thread, NULL, run, job);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) {
		free(job->path);
		free(job);
		/* No thread: the week is taken by whatever needs it first. */
		return MD_OK;
	}
	*out = job;
	return MD_OK;
}

bool
rfm_job_done(struct rfm_job *job)
{
	return atomic_load(&job->done);
}

int
rfm_job_end(struct md *md, struct rfm_job *job)
{
	int rc;

	pthread_join(job->thread, NULL);
	if ((rc = job->status))
		memcpy(md->err, job->md.err, sizeof md->err);
	free(job->path);
	free(job);
	return rc;
}
