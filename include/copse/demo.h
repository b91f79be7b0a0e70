/* demo.h - the demo community: "Daily Nonviolent Living". */
#ifndef COPSE_DEMO_H
#define COPSE_DEMO_H

#include "copse/db.h"

/* Fill an empty database with the demo community, dates relative to
 * copse_now() (half a year of past meetings, a few upcoming).  One
 * transaction. */
int demo_populate(struct db *db);

#endif
