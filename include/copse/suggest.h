/* suggest.h - suggested introductions (SPEC §1 job 4): pairs of members
 * where one's expertise meets the other's interest, then shared
 * interests; never a pair already connected (any kind of connection),
 * one with an alumnus, or one someone dismissed.
 *
 * Each expertise that meets an interest counts 2, each shared interest 1
 * (tags compared ignoring case); best first, then by name.  A member's
 * own suggestions weigh every tag.  The list for the whole community
 * pairs the rarest tags first and stops adding tags once SUGGEST_BUDGET
 * candidate pairs are reached: in a small community every tag counts; in
 * a large one the commonest tags (which match nearly everyone and say
 * little) are left out, so the list stays quick.
 *
 * Records follow the pattern of db.h.
 */
#ifndef COPSE_SUGGEST_H
#define COPSE_SUGGEST_H

#include <stddef.h>
#include <stdint.h>

#include "copse/db.h"

#define SUGGEST_BUDGET 10000

struct suggestion {
	int64_t a, b;          /* member ids, a < b */
	char *a_name, *b_name;
	int score;
	/* "Zoë knows about mediation, which interests Ana; both are
	 * interested in gardening" */
	char *reason;
};

struct suggest_filter {
	int64_t member_id;     /* 0: the whole community; else pairs with them */
	int limit;             /* <= 0: no limit */
	int names_only;        /* 1: no reasons (a list that shows the names) */
};

/* The community's first few pairs (a limit up to 20) are kept in the
 * database between calls and found again only after a change that can
 * change them (suggest.c); this meta key holds them, and export leaves
 * it out. */
#define SUGGEST_KEPT_KEY "suggestions"

void suggestion_init(struct suggestion *s);
void suggestion_done(struct suggestion *s);
void suggestion_list_free(struct suggestion *v, size_t n);

int suggest_list(struct db *db, const struct suggest_filter *f,
		 struct suggestion **out, size_t *n);
/* Never suggest a and b to each other again (either order).  INVALID for
 * a == b; NOTFOUND for no such member; dismissing twice is no error. */
int suggest_dismiss(struct db *db, int64_t a, int64_t b);
/* *dismissed: someone dismissed a and b (either order). */
int suggest_is_dismissed(struct db *db, int64_t a, int64_t b, int *dismissed);

/* A suggestion as one id for a list row ((a << 32) | b) and back. */
int64_t suggest_pair_id(int64_t a, int64_t b);
void suggest_pair_split(int64_t id, int64_t *a, int64_t *b);

#endif
