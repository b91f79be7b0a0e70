/* view-health.c - the Health panel: simple counts until the dashboard of
 * its own issue lands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/view.h"

struct counts {
	int members, by_status[4];
	int upcoming, past, held;
	int entries, by_kind[6];
	int topics, open_topics, unvoted;
	int open_actions, overdue;
};

static const char *const statuses[] = { MEMBER_STATUSES };
static const char *const kinds[] = { ENTRY_KINDS };

static int count(struct app *a, struct counts *c)
{
	struct member *m = NULL;
	struct meeting *mt = NULL;
	struct entry *e = NULL;
	struct topic *t = NULL;
	struct action *act = NULL;
	struct meeting_filter mf;
	struct action_filter af;
	size_t n = 0;
	char today[ISO_LEN];
	int st;

	memset(c, 0, sizeof *c);
	time_now_iso(today);
	if ((st = member_list(a->db, NULL, &m, &n)) != COPSE_OK)
		return st;
	c->members = (int)n;
	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; s < ARRAY_SIZE(statuses); s++)
			if (strcmp(m[i].status, statuses[s]) == 0)
				c->by_status[s]++;
	member_list_free(m, n);

	memset(&mf, 0, sizeof mf);
	mf.upcoming = 1;
	if ((st = meeting_list(a->db, &mf, &mt, &n)) != COPSE_OK)
		return st;
	c->upcoming = (int)n;
	meeting_list_free(mt, n);
	mf.upcoming = -1;
	if ((st = meeting_list(a->db, &mf, &mt, &n)) != COPSE_OK)
		return st;
	c->past = (int)n;
	for (size_t i = 0; i < n; i++)
		c->held += strcmp(mt[i].status, "held") == 0;
	meeting_list_free(mt, n);

	if ((st = entry_list(a->db, NULL, &e, &n)) != COPSE_OK)
		return st;
	c->entries = (int)n;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
			if (strcmp(e[i].kind, kinds[k]) == 0)
				c->by_kind[k]++;
	entry_list_free(e, n);

	if ((st = topic_list(a->db, NULL, &t, &n)) != COPSE_OK)
		return st;
	c->topics = (int)n;
	for (size_t i = 0; i < n; i++) {
		c->open_topics += strcmp(t[i].status, "open") == 0;
		c->unvoted += t[i].votes == 0;
	}
	topic_list_free(t, n);

	memset(&af, 0, sizeof af);
	af.open_only = 1;
	if ((st = action_list(a->db, &af, &act, &n)) != COPSE_OK)
		return st;
	c->open_actions = (int)n;
	for (size_t i = 0; i < n; i++)
		c->overdue += act[i].due && *act[i].due && strncmp(act[i].due, today, 10) < 0;
	action_list_free(act, n);
	return COPSE_OK;
}

static int health_doc(struct app *a, int64_t id, struct buf *md)
{
	struct counts c;
	int st = count(a, &c);

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
	struct counts c;
	char num[32];
	int64_t rid = 0;
	int st = count(a, &c);

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
