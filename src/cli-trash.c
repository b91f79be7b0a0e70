/* cli-trash.c - the trash: trash [--json], trash restore KIND ID. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/db.h"
#include "copse/status.h"
#include "copse/trash.h"
#include "cli-cmd.h"
#include "cli-print.h"

int cmd_trash(struct cli *c)
{
	struct trash_item *v = NULL;
	struct print_table t;
	size_t n = 0;
	int status = trash_list(c->db, &v, &n);

	if (status != COPSE_OK)
		return cli_fail(c, status);
	if (cli_flag(c, "json")) {
		struct buf b;
		struct json j;

		print_json_start(&j, &b);
		json_begin_array(&j);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j);
			json_kv_str(&j, "kind", v[i].kind);
			json_kv_int(&j, "id", v[i].object_id);
			json_kv_str(&j, "title", v[i].title);
			json_kv_str(&j, "what", v[i].what);
			json_kv_str(&j, "login", v[i].login);
			json_kv_str(&j, "at", v[i].at);
			json_kv_str(&j, "expires", v[i].expires);
			json_end_object(&j);
		}
		json_end_array(&j);
		trash_item_list_free(v, n);
		return print_json_end(&j, &b);
	}
	if (n == 0) {
		printf("the trash is empty\n");
		return 0;
	}
	print_table_init(&t, NULL, 6, "KIND", ">ID", "DELETED", "BY", "UNTIL", "WHAT");
	for (size_t i = 0; i < n; i++)
		print_table_row(&t, print_safe(c, v[i].kind),
				print_fmt(c, "%lld", (long long)v[i].object_id),
				print_time(c, v[i].at, PRINT_WHEN), print_safe(c, v[i].login),
				print_time(c, v[i].expires, "%Y-%m-%d"),
				*v[i].what ? print_fmt(c, "%s (with %s)", print_safe(c, v[i].title),
						       print_safe(c, v[i].what))
				: print_safe(c, v[i].title));
	print_table_out(c, &t, 1);
	trash_item_list_free(v, n);
	return 0;
}

int cmd_trash_restore(struct cli *c)
{
	int64_t id;
	int rc;

	if ((rc = cli_parse_id(c->pos[1], "id", &id)) != 0)
		return rc;
	return cli_check(c, trash_restore(c->db, c->pos[0], id));
}
