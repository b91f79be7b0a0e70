/* assessment.h - periodic assessments of the community's health and value
 * (SPEC §1 job 7): scores 1-5 for domain, community and practice,
 * value-creation stories tagged by the cycle they belong to, a summary,
 * and a snapshot of the metrics of that day, so that the next assessment
 * can be compared with it.
 *
 * Recording one also keeps every member's participation level of that
 * day, with its explanation (the level history a member's page shows).
 * Records follow the pattern of db.h.
 */
#ifndef COPSE_ASSESSMENT_H
#define COPSE_ASSESSMENT_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"

/* The value-creation cycles a story is tagged with (Wenger, Trayner and
 * de Laat 2011), in order. */
#define ASSESS_CYCLES "immediate", "potential", "applied", "realized", "reframing"
#define ASSESS_SCORE_MIN 1
#define ASSESS_SCORE_MAX 5

struct value_story {
	char *cycle;           /* one of ASSESS_CYCLES */
	char *body;            /* Markdown */
};

/* The metrics kept with an assessment (its JSON "metrics"). */
struct assess_metrics {
	int valid;             /* 0 when the snapshot lacks them (an import) */
	int window;            /* the participation window, days */
	int members;           /* members with a level */
	int core, active, peripheral, inactive;
	int held;              /* meetings held in the window */
	int entries;           /* entries in the repertoire */
	int open_actions, overdue;
	int waiting;           /* topics waiting for a meeting or an entry */
};

struct assessment {
	int64_t id;
	char *day;             /* YYYY-MM-DD, the viewer's local date when recorded */
	int domain, community, practice;   /* ASSESS_SCORE_MIN..MAX */
	char *stories;         /* Markdown: value stories told freely ("" none) */
	char *summary;         /* one paragraph ("" none) */
	char *author;          /* login */
	char *created;         /* ISO */
	struct value_story *vs;   /* stories tagged by cycle, in the order told */
	size_t nvs, capvs;
	struct assess_metrics m;  /* the snapshot; filled by get */
};

void assessment_init(struct assessment *a);
void assessment_done(struct assessment *a);
/* Append a tagged story to a (memory only; the cycle is checked when
 * the assessment is added).  0, or -1 on ENOMEM. */
int assessment_add_story(struct assessment *a, const char *cycle, const char *body);

/* Check and record a: scores out of range are refused ("domain score 7:
 * must be 1 to 5"), as is a story with an unknown cycle or no text.  day
 * becomes today; the metrics of today are kept with it, and so is every
 * member's level (participation).  On success a->id, day, author,
 * created and m are set. */
int assessment_add(struct db *db, struct assessment *a);
/* *out: caller frees with assessment_done (also after a failure). */
int assessment_get(struct db *db, int64_t id, struct assessment *out);
/* The newest assessment recorded at or before at (ISO; NULL: any time),
 * after skipping `skip` newer ones (0: the newest, 1: the one before
 * it).  NOTFOUND "no assessment yet" when there is none. */
int assessment_latest(struct db *db, const char *at, int skip, struct assessment *out);

#endif
