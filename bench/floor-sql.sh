# floor-sql.sh — sourced by bench/floors.sh and bench/apk-bench.sh: the one definition of the SQLite
# floor. floor_sql DB OUT_SQL [rows] writes a script for the sqlite3 shell that rebuilds DB's rows (and,
# unless "rows", its indexes) into a fresh file: Quiver's schema and pragmas, every table, no parsing, no
# JVM, no JDBC. Needs $res, the directory of schema.sql and indexes.sql.
floor_sql() { # DB OUT_SQL [rows]
  local tables
  tables=$(sqlite3 "$1" "SELECT group_concat(name, ' ') FROM sqlite_schema WHERE type = 'table' AND name <> 'meta'")
  {
    echo "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
    echo "PRAGMA cache_size = -65536;"   # as Quiver's writer
    cat "$res/schema.sql"
    echo "ATTACH DATABASE '$1' AS src; BEGIN;"
    # WHERE 1: a real insert of every row, not SQLite's raw copy between identical tables.
    for t in $tables; do echo "INSERT INTO main.$t SELECT * FROM src.$t WHERE 1;"; done
    echo "COMMIT;"
    if [ "${3:-}" != rows ]; then
      echo "BEGIN;"
      cat "$res/indexes.sql"
      echo "COMMIT;"
    fi
  } > "$2"
}
