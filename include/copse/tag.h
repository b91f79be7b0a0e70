/* tag.h - the tags of the community, counted and renamed everywhere:
 * an entry's tags and a member's expertise and interests are one
 * vocabulary (a tag is the same tag whatever its case).  */
#ifndef COPSE_TAG_H
#define COPSE_TAG_H

#include <stddef.h>

#include "copse/db.h"

struct tag_count {
	char *tag;             /* as most of its uses spell it */
	int entries;           /* entries tagged with it (retired ones too) */
	int expertise;         /* members who know about it */
	int interest;          /* members interested in it */
};

void tag_count_init(struct tag_count *t);
void tag_count_done(struct tag_count *t);
void tag_count_list_free(struct tag_count *v, size_t n);

/* Every tag with its counts, by name ignoring case and accents; the
 * counting is the database's. */
int tag_list(struct db *db, struct tag_count **out, size_t *n);

/* Rename tag from (ignoring case) to to, on entries and members alike;
 * into a tag something already has, the two merge.  Each entry changed
 * gets a new revision and each member a new version, so an edit begun
 * before is caught as a conflict.  *entries and *members (may be NULL)
 * get how many changed.  NOTFOUND when nothing has the tag; INVALID
 * for an empty name or one with a comma. */
int tag_rename(struct db *db, const char *from, const char *to, int *entries,
	       int *members);

#endif
