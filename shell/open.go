package shell

import (
	"context"
	"errors"
	"fmt"
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
func (a *app) prepare(ctx context.Context, f *flags, db *database, reg *orm.Registry) (orm.DatabaseInfo, error) {
	info, err := orm.DetectDatabase(ctx, db.conn)
	if err != nil {
		a.say("database %s: %v", db.name, err)
		return info, errRefused
	}
	readOnly := f.readOnly || info.ReadOnly
	switch {
	case info.Kind == orm.DatabaseOdoo && f.install:
		a.say("database %s is an Odoo database; %s never installs its addons into one (drop --install to open it in Odoo mode)", db.name, a.name)
		return info, errRefused
	case info.Kind == orm.DatabaseOdoo:
		return info, nil
	case info.Kind == orm.DatabaseOther && !f.install:
		a.say("database %s is neither odsh's nor Odoo's (%d tables, no %s table); %s leaves it alone (--install installs %[4]s's addons into it anyway)",
			db.name, info.Tables, orm.MarkerTable, a.name)
		return info, errRefused
	case readOnly && info.Kind != orm.DatabaseOdsh:
		a.say("database %s has no %s addons to open, and it is opened read-only (%s): nothing installed", db.name, a.name, readOnlyWhy(f, info))
		return info, errRefused
	case readOnly:
		return info, a.reportPending(ctx, f, db, reg, info)
	}
	return info, a.install(ctx, db, reg, f.demo)
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
func (a *app) reportPending(ctx context.Context, f *flags, db *database, reg *orm.Registry, info orm.DatabaseInfo) error {
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
		a.say("addons not installed or out of date: %s; not upgraded, the database is opened read-only (%s)",
			strings.Join(pending, ", "), readOnlyWhy(f, info))
	}
	return nil
}

// openOdoo builds the registry of an Odoo database from its reflection
// tables, reading only.
func (a *app) openOdoo(ctx context.Context, f *flags, db *database, info orm.DatabaseInfo) (*orm.Registry, error) {
	if major, _, _ := strings.Cut(info.OdooVersion, "."); major != "" && major < "16" && len(major) == 2 {
		return nil, fmt.Errorf("database %s is Odoo %s; %s reads Odoo 16 and newer (their reflection tables hold jsonb labels)", db.name, info.OdooVersion, a.name)
	}
	reg, err := orm.LoadOdooRegistry(ctx, db.conn)
	if err != nil {
		return nil, fmt.Errorf("database %s (Odoo %s): %w", db.name, info.OdooVersion, err)
	}
	if v := info.OdooVersion; v != "" && !strings.HasPrefix(v, "18.") {
		a.say("database %s is Odoo %s; %s reads it as Odoo 18 (see the README: Opening an Odoo database)", db.name, v, a.name)
	}
	return reg, nil
}
