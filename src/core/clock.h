/* clock.h - what day and time it is for memberdesk */
#ifndef MD_CLOCK_H
#define MD_CLOCK_H

#include <stdbool.h>
#include <time.h>

#include "core/date.h"
#include "core/md.h"

/* Set md->now: time(), or MEMBERDESK_NOW="YYYY-MM-DD[ HH:MM[:SS]]"
 * (local time) for tests and for entering a past day.  MD_EINVAL on a
 * malformed one, or one after tomorrow (clock_check). */
int clock_init(struct md *md);

/* A program that runs for long (the screens, all day at the counter)
 * moves its clock on before each action: md->now is the computer's time
 * again, unless MEMBERDESK_NOW pinned it.  A command's clock stands
 * still for the whole command, so that all it writes has one time. */
void clock_tick(struct md *md);

/* MD_EINVAL, saying so, when T (WHAT, written TEXT: "MEMBERDESK_NOW
 * 9999-12-31 ...") is later than tomorrow by the computer's own clock.
 * A pinned clock or a date given after the fact may go back, never
 * ahead: a day recorded in the future would stop the daily rules. */
int clock_check(struct md *md, const char *what, const char *text, time_t t);

/* True when DAY ("YYYY-MM-DD") is after tomorrow by the computer's clock:
 * a day recorded while the clock was wrong. */
bool clock_ahead(const char *day);

/* Today (by md->now) as a date, as "YYYY-MM-DD", and now as
 * "YYYY-MM-DD HH:MM:SS", in local time. */
struct date clock_today(const struct md *md);
void clock_today_text(const struct md *md, char out[11]);
void clock_timestamp(const struct md *md, char out[20]);

#endif
