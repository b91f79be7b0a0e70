/* cli-topic.c - the topic commands: topic add, list, vote. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/status.h"
#include "copse/topic.h"
#include "cli-cmd.h"
#include "cli-print.h"

int cmd_topic_add(struct cli *c)
{
	struct topic t;
	const char *v;
	int rc = 0;

	memset(&t, 0, sizeof t);
	cli_set_str(&t.title, c->pos[0]);
	if ((v = cli_opt(c, "status")))
		cli_set_str(&t.status, v);
	if ((v = cli_opt(c, "file")))
		rc = cli_read_field(&t.body, v);
	if (rc == 0) {
		int status = topic_add(c->db, &t);
		rc = print_id(c, status, t.id);
	}
	topic_done(&t);
	return rc;
}

int cmd_topic_list(struct cli *c)
{
	struct topic_filter f = { cli_opt(c, "status"), NULL };
	struct topic *v;
	size_t n;
	int status = topic_list(c->db, &f, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			print_json_topic(&j, &v[i]);
			json_end_object(&j);
		}
		json_end_array(&j);
		topic_list_free(v, n);
		return print_json_end(&j, &b);
	}
	struct print_table t;
	print_table_init(&t, NULL, 5, ">ID", ">VOTES", "STATUS", "AUTHOR", "TITLE");
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_fmt(c, "%lld", (long long)v[i].id),
				print_fmt(c, "%d%s", v[i].votes, v[i].voted ? "*" : ""),
				print_safe(c, v[i].status), print_safe(c, v[i].author),
				print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	topic_list_free(v, n);
	return 0;
}

int cmd_topic_vote(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[0], "topic", &id)) != 0)
		return rc;
	return cli_check(c, topic_vote(c->db, id));
}
