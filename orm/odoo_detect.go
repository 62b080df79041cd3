package orm

// Whose database is this?
//
// odsh installs its addons only into databases it owns. A database is
// odsh's when it holds the marker table odsh_database, written by Install
// (or, for databases made by odsh before the marker existed, when its
// ir_module_module has the checksum column or its ir_model the abstract
// column, which Odoo's tables never have). A database with Odoo's own
// reflection tables (ir_model, ir_model_fields, ir_module_module) and no
// odsh marker is Odoo's: it is opened in Odoo mode, never written at
// start-up. A database without a table is empty: odsh may install there.
// Anything else is someone else's, and odsh refuses it unless asked in so
// many words.
//
//	marker table odsh_database                      → odsh
//	ir_module_module.checksum or ir_model.abstract  → odsh (before the marker)
//	ir_model + ir_model_fields + ir_module_module   → Odoo
//	no table                                        → empty
//	otherwise                                       → other

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// DatabaseKind says whose a database is.
type DatabaseKind int

// The kinds of database.
const (
	DatabaseEmpty DatabaseKind = iota // no table: odsh may install its addons
	DatabaseOdsh                      // created by odsh
	DatabaseOdoo                      // created by Odoo: opened in Odoo mode
	DatabaseOther                     // someone else's
)

var kindNames = [...]string{"empty", "odsh", "Odoo", "other"}

// String names the kind ("odsh", "Odoo", …).
func (k DatabaseKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("DatabaseKind(%d)", int(k))
}

// MarkerTable is the table Install creates to mark a database as odsh's.
const MarkerTable = "odsh_database"

// DatabaseInfo is what DetectDatabase found.
type DatabaseInfo struct {
	Kind DatabaseKind
	// Tables is the number of tables in the current schema.
	Tables int
	// Marked says an odsh database has the marker table (false for one
	// made by an odsh from before the marker).
	Marked bool
	// OdooVersion is the installed version of Odoo's base module
	// ("18.0.1.3"), for an Odoo database.
	OdooVersion string
	// ReadOnly says the server refuses writes in this session: a hot
	// standby, or default_transaction_read_only set for the role or
	// database.
	ReadOnly bool
}

// DetectDatabase reads the catalog of conn's database (it writes nothing)
// and says whose the database is.
func DetectDatabase(ctx context.Context, conn *pgx.Conn) (DatabaseInfo, error) {
	var info DatabaseInfo
	var marker, checksum, abstract, irModel, irFields, irModule bool
	err := conn.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')),
		to_regclass($1) IS NOT NULL,
		EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('ir_module_module') AND attname = 'checksum' AND NOT attisdropped),
		EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('ir_model') AND attname = 'abstract' AND NOT attisdropped),
		to_regclass('ir_model') IS NOT NULL, to_regclass('ir_model_fields') IS NOT NULL, to_regclass('ir_module_module') IS NOT NULL,
		pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'`, MarkerTable).
		Scan(&info.Tables, &marker, &checksum, &abstract, &irModel, &irFields, &irModule, &info.ReadOnly)
	if err != nil {
		return info, fmt.Errorf("orm: reading the catalog: %w", err)
	}
	switch {
	case marker || checksum || abstract:
		info.Kind, info.Marked = DatabaseOdsh, marker
	case irModel && irFields && irModule:
		info.Kind = DatabaseOdoo
		err = conn.QueryRow(ctx, `SELECT COALESCE((SELECT latest_version FROM ir_module_module WHERE name = 'base'), '')`).Scan(&info.OdooVersion)
		if err != nil {
			return info, fmt.Errorf("orm: reading Odoo's version: %w", err)
		}
	case info.Tables == 0:
		info.Kind = DatabaseEmpty
	default:
		info.Kind = DatabaseOther
	}
	return info, nil
}

// markOwned creates the marker table (once): the database is odsh's.
func (tx *Transaction) markOwned() {
	var exists bool
	tx.Query("SELECT to_regclass($1) IS NOT NULL", []any{MarkerTable}, func(rows pgxRows) error { return rows.Scan(&exists) })
	if exists {
		return
	}
	tx.Exec(`CREATE TABLE odsh_database (created timestamp NOT NULL)`)
	tx.Exec(`COMMENT ON TABLE odsh_database IS 'this database was created by odsh, which installs and upgrades its addons here'`)
	tx.Exec(`INSERT INTO odsh_database (created) VALUES ($1)`, tx.Now())
}
