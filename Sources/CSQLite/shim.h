#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro casting -1 to a function pointer: not importable. */
static inline int lastmile_sqlite3_bind_text_transient(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}
static inline int lastmile_sqlite3_bind_blob_transient(sqlite3_stmt *stmt, int index, const void *data, int length) {
    return sqlite3_bind_blob(stmt, index, data, length, SQLITE_TRANSIENT);
}
/* SQLITE_STATIC: the caller keeps the bytes alive until the statement is stepped or rebound. A NULL
   pointer (an empty buffer's) binds '' here, not SQL NULL. */
static inline int lastmile_sqlite3_bind_text_static(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text ? text : "", length, SQLITE_STATIC);
}
