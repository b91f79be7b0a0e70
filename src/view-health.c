/* view-health.c - the Health panel: simple counts until the dashboard of
 * its own issue lands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/health.h"
#include "copse/keys.h"
#include "copse/member.h"
#include "copse/view.h"

static const char *const statuses[] = { MEMBER_STATUSES };
static const char *const kinds[] = { ENTRY_KINDS };

static int health_doc(struct app *a, int64_t id, struct buf *md)
{
	struct health_counts c;
	int st = health_count(a->db, &c);

	(void)id;
	if (st != COPSE_OK)
		return st;
	buf_puts(md, "# Community health\n\n");
	buf_printf(md, "## Members: %d\n\n", c.members);
	for (size_t s = 0; s < ARRAY_SIZE(statuses); s++)
		buf_printf(md, "- %s: %d\n", statuses[s], c.by_status[s]);
	buf_printf(md, "\n## Meetings\n\n- upcoming: %d\n- past: %d (%d held)\n",
		   c.upcoming, c.past, c.held);
	buf_printf(md, "\n## Repertoire: %d entries\n\n", c.entries);
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		if (c.by_kind[k])
			buf_printf(md, "- %s: %d\n", kinds[k], c.by_kind[k]);
	buf_printf(md, "\n## Topics: %d\n\n- open: %d\n- without a vote: %d\n",
		   c.topics, c.open_topics, c.unvoted);
	buf_printf(md, "\n## Actions\n\n- open: %d\n- overdue: %d\n",
		   c.open_actions, c.overdue);
	return COPSE_OK;
}

const struct kind_ops kind_health = {
	.name = "health",
	.scope = KEYS_READER,
	.doc = health_doc,
};

static int health_load(struct app *a, struct view *v)
{
	struct health_counts c;
	char num[32];
	int64_t rid = 0;
	int st = health_count(a->db, &c);

	if (st != COPSE_OK)
		return st;
#define ROW(label, n) do { snprintf(num, sizeof num, "%d", (n)); \
		view_add_row(v, label, num, &kind_health, ++rid); } while (0)
	view_add_section(v, "Members", 0);
	ROW("members", c.members);
	for (size_t s = 0; s < ARRAY_SIZE(statuses); s++)
		ROW(statuses[s], c.by_status[s]);
	view_add_section(v, "Meetings", 0);
	ROW("upcoming", c.upcoming);
	ROW("past", c.past);
	view_add_section(v, "Repertoire", 0);
	ROW("entries", c.entries);
	view_add_section(v, "Topics", 0);
	ROW("open topics", c.open_topics);
	view_add_section(v, "Actions", 0);
	ROW("open actions", c.open_actions);
	ROW("overdue", c.overdue);
#undef ROW
	return COPSE_OK;
}

const struct panel_ops panel_health = {
	.name = "Health",
	.load = health_load,
	.add_kind = NULL,
	.empty = "",
};
