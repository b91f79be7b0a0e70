/* page.c - the key of a row in a list read by the screenful.  See
 * page.h. */
#include <stdlib.h>
#include <string.h>

#include "copse/page.h"
#include "copse/util.h"

void page_key_init(struct page_key *k)
{
	memset(k, 0, sizeof *k);
}

void page_key_done(struct page_key *k)
{
	if (!k)
		return;
	free(k->text);
	page_key_init(k);
}

int page_key_set(struct page_key *k, int64_t num, const char *text, int64_t id)
{
	char *t = NULL;

	if (text && !(t = strdup(text))) {
		page_key_done(k);
		return -1;
	}
	page_key_done(k);
	k->num = num;
	k->text = t;
	k->id = id;
	return 0;
}
