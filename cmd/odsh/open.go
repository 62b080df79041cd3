package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"odsh/orm"
)

// errRefused is a database odsh will not open as asked; the reason was
// printed on stderr (one line).
var errRefused = errors.New("refused")

// prepare decides what opening the database means, from whose it is
// (orm.DetectDatabase), and does it: install or upgrade odsh's addons into
// an empty or odsh database that may be written; report what is out of date
// in one that may not; refuse a database that is neither odsh's nor Odoo's
// unless --install. It returns the kind found; for an Odoo database it
// writes nothing (the caller opens it in Odoo mode).
func prepare(ctx context.Context, f *flags, db *database, reg *orm.Registry) (orm.DatabaseInfo, error) {
	info, err := orm.DetectDatabase(ctx, db.conn)
	if err != nil {
		fmt.Fprintf(os.Stderr, "odsh: database %s: %v\n", db.name, err)
		return info, errRefused
	}
	readOnly := f.readOnly || info.ReadOnly
	switch {
	case info.Kind == orm.DatabaseOdoo && f.install:
		fmt.Fprintf(os.Stderr, "odsh: database %s is an Odoo database; odsh never installs its addons into one (drop --install to open it in Odoo mode)\n", db.name)
		return info, errRefused
	case info.Kind == orm.DatabaseOdoo:
		return info, nil
	case info.Kind == orm.DatabaseOther && !f.install:
		fmt.Fprintf(os.Stderr, "odsh: database %s is neither odsh's nor Odoo's (%d tables, no %s table); odsh leaves it alone (--install installs odsh's addons into it anyway)\n",
			db.name, info.Tables, orm.MarkerTable)
		return info, errRefused
	case readOnly && info.Kind != orm.DatabaseOdsh:
		fmt.Fprintf(os.Stderr, "odsh: database %s has no odsh addons to open, and it is opened read-only (%s): nothing installed\n", db.name, readOnlyWhy(f, info))
		return info, errRefused
	case readOnly:
		return info, reportPending(ctx, f, db, reg, info)
	}
	return info, install(ctx, db, reg, f.demo)
}

// readOnlyWhy says why nothing may be written.
func readOnlyWhy(f *flags, info orm.DatabaseInfo) string {
	if f.readOnly {
		return "--read-only"
	}
	return "the server refuses writes: a standby, or a read-only role"
}

// reportPending says, on an odsh database opened read-only, which addons
// an install would add or upgrade; it writes nothing.
func reportPending(ctx context.Context, f *flags, db *database, reg *orm.Registry, info orm.DatabaseInfo) error {
	tx, err := orm.Begin(ctx, db.conn, reg, orm.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Close()
	var pending []string
	err = orm.Run(ctx, tx.Env(orm.SuperuserID, nil), func(env *orm.Env) error {
		pending = orm.PendingAddons(env)
		return nil
	})
	if err != nil {
		return err
	}
	if len(pending) > 0 {
		fmt.Fprintf(os.Stderr, "odsh: addons not installed or out of date: %s; not upgraded, the database is opened read-only (%s)\n",
			strings.Join(pending, ", "), readOnlyWhy(f, info))
	}
	return nil
}

// openOdoo builds the registry of an Odoo database from its reflection
// tables, reading only.
func openOdoo(ctx context.Context, f *flags, db *database, info orm.DatabaseInfo) (*orm.Registry, error) {
	if major, _, _ := strings.Cut(info.OdooVersion, "."); major != "" && major < "16" && len(major) == 2 {
		return nil, fmt.Errorf("database %s is Odoo %s; odsh reads Odoo 16 and newer (their reflection tables hold jsonb labels)", db.name, info.OdooVersion)
	}
	reg, err := orm.LoadOdooRegistry(ctx, db.conn)
	if err != nil {
		return nil, fmt.Errorf("database %s (Odoo %s): %w", db.name, info.OdooVersion, err)
	}
	if v := info.OdooVersion; v != "" && !strings.HasPrefix(v, "18.") {
		fmt.Fprintf(os.Stderr, "odsh: database %s is Odoo %s; odsh reads it as Odoo 18 (see the README: Opening an Odoo database)\n", db.name, v)
	}
	return reg, nil
}
