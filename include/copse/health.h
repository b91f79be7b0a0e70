/* health.h - the numbers behind the Health panel, counted by the store
 * with SQL (no list is loaded to count it). */
#ifndef COPSE_HEALTH_H
#define COPSE_HEALTH_H

#include "copse/db.h"
#include "copse/entry.h"
#include "copse/member.h"

/* The number of strings in a list macro such as MEMBER_STATUSES. */
#define HEALTH_COUNT_OF(...) (sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(const char *))

struct health_counts {
	int members;
	int by_status[HEALTH_COUNT_OF(MEMBER_STATUSES)];  /* in MEMBER_STATUSES order */
	int upcoming, past;    /* meetings starting at or after copse_now(), before it */
	int held;              /* past meetings with status held */
	int entries;           /* entries not retired ... */
	int by_kind[HEALTH_COUNT_OF(ENTRY_KINDS)];        /* ... in ENTRY_KINDS order */
	int topics, open_topics;
	int unvoted;           /* topics without a vote */
	int open_actions;
	int overdue;           /* open actions due before today (UTC date of copse_now()) */
};

/* Fill *c (plain data; nothing to free). */
int health_count(struct db *db, struct health_counts *c);

#endif
