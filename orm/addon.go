package orm

// Addons.
//
// An addon is a unit of models, method overrides and data with a name and
// dependencies, like an Odoo module. A registry is built from a set of
// addons in dependency order (dependencies first, then by name), so an
// addon's extensions land on top of the models they extend. Installing an
// addon creates the schema its models need and loads its data files;
// installing it again (an upgrade) adds what is new and reloads data whose
// files changed, keeping records marked noupdate, and deletes the access
// lines and record rules its files no longer list (data_obsolete.go).

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"odsh/domain"
)

// Addon is a module: models, data and hooks.
type Addon struct {
	Name     string
	Depends  []string
	Models   []ModelDef
	Data     []DataFile     // loaded in order at install and upgrade
	FS       fs.FS          // holds the data files
	PostInit func(env *Env) // runs after the addon's data is loaded
}

// DataFile is a CSV file of records in Odoo's import format; Model defaults
// to the file name without ".csv".
type DataFile struct {
	Path     string
	Model    string
	NoUpdate bool // records are created once and never overwritten
}

// OrderAddons returns the named addons and their dependencies, dependencies
// first; an unknown addon or a dependency cycle is an error.
func OrderAddons(all []*Addon, names ...string) ([]*Addon, error) {
	byName := map[string]*Addon{}
	for _, a := range all {
		byName[a.Name] = a
	}
	var out []*Addon
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(n string, from string) error
	visit = func(n, from string) error {
		a := byName[n]
		if a == nil {
			if from != "" {
				return fmt.Errorf("orm: addon %q depends on unknown addon %q", from, n)
			}
			return fmt.Errorf("orm: unknown addon %q", n)
		}
		switch state[n] {
		case 1:
			return fmt.Errorf("orm: addon dependency cycle through %q", n)
		case 2:
			return nil
		}
		state[n] = 1
		deps := append([]string(nil), a.Depends...)
		sort.Strings(deps)
		for _, d := range deps {
			if err := visit(d, n); err != nil {
				return err
			}
		}
		state[n] = 2
		out = append(out, a)
		return nil
	}
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	for _, n := range sorted {
		if err := visit(n, ""); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// NewRegistryFrom builds and sets up a registry from addons given in
// dependency order (see OrderAddons).
func NewRegistryFrom(addons []*Addon) (*Registry, error) {
	r := NewRegistry()
	if err := r.AddAddons(addons...); err != nil {
		return nil, err
	}
	return r, r.Setup()
}

// AddAddons defines the models of more addons (call Setup afterwards).
func (r *Registry) AddAddons(addons ...*Addon) error {
	for _, a := range addons {
		if err := r.define(a.Name, a.Models); err != nil {
			return fmt.Errorf("addon %s: %w", a.Name, err)
		}
		r.addons = append(r.addons, a)
	}
	return nil
}

// Addons returns the registry's addons in load order.
func (r *Registry) Addons() []*Addon { return append([]*Addon(nil), r.addons...) }

// checksum identifies the content of an addon's data files.
func (a *Addon) checksum() string {
	h := sha256.New()
	for _, d := range a.Data {
		b, err := fs.ReadFile(a.FS, d.Path)
		if err != nil {
			panic(fmt.Errorf("orm: addon %s: %w", a.Name, err))
		}
		fmt.Fprintf(h, "%s %v %d\n", d.Path, d.NoUpdate, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Install creates the schema of every addon of the registry and loads the
// data of those not installed yet, or whose data changed. It reports what
// it did through progress (which may be nil). Run it in a transaction you
// commit: a failure leaves nothing half-installed.
func Install(env *Env, progress func(step string)) {
	tx := env.tx
	if progress == nil {
		progress = func(string) {}
	}
	if ran := tx.InitSchema(); len(ran) > 0 {
		progress(fmt.Sprintf("schema: %d statements", len(ran)))
		for _, q := range ran {
			if strings.HasPrefix(q, "-- ") {
				progress(strings.TrimPrefix(q, "-- "))
			}
		}
	}
	tx.markOwned()
	ReflectModels(env)
	installed := installedAddons(env)
	for _, a := range tx.reg.addons {
		sum := a.checksum()
		if installed[a.Name] == sum {
			continue
		}
		progress("loading " + a.Name)
		for _, d := range a.Data {
			env.LoadCSV(a, d)
		}
		if installed[a.Name] != "" { // an upgrade
			removeObsoleteSecurity(env, a)
		}
		if a.PostInit != nil && installed[a.Name] == "" {
			a.PostInit(env)
		}
		markInstalled(env, a.Name, sum)
	}
	env.FlushAll()
}

// installedAddons reads ir.module.module: addon name → data checksum.
func installedAddons(env *Env) map[string]string {
	out := map[string]string{}
	if !env.HasModel("ir.module.module") {
		return out
	}
	for _, rec := range env.Model("ir.module.module").Sudo().Search(nil).Records() {
		out[rec.Str("name")] = rec.Str("checksum")
	}
	return out
}

func markInstalled(env *Env, name, sum string) {
	if !env.HasModel("ir.module.module") {
		return
	}
	mods := env.Model("ir.module.module").Sudo()
	rec := mods.Search(domain.Cond("name", domain.Eq, name))
	if rec.Len() == 0 {
		mods.Create(Values{"name": name, "state": "installed", "checksum": sum})
		return
	}
	rec.Write(Values{"state": "installed", "checksum": sum})
}

// PendingAddons returns the addons of the registry that Install would load
// or reload (not installed, or whose data changed), reading only.
func PendingAddons(env *Env) []string {
	installed := map[string]string{}
	rows := env.tx.QueryValues(`SELECT EXISTS (SELECT 1 FROM pg_attribute
		WHERE attrelid = to_regclass('ir_module_module') AND attname = 'checksum' AND NOT attisdropped)`)
	if len(rows) > 0 && rows[0][0] == true {
		for _, r := range env.tx.QueryValues("SELECT name, COALESCE(checksum, '') FROM ir_module_module WHERE state = 'installed'") {
			installed[fmt.Sprint(r[0])] = fmt.Sprint(r[1])
		}
	}
	var out []string
	for _, a := range env.tx.reg.addons {
		if installed[a.Name] != a.checksum() {
			out = append(out, a.Name)
		}
	}
	return out
}
