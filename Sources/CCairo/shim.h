#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

/* g_object_unref takes a gpointer; macros such as G_OBJECT are not importable. */
static inline void lastmile_g_object_unref(void *object) { g_object_unref(object); }
