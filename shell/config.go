package shell

import (
	"fmt"
	"os"
	"strings"

	"odsh/addons/base"
	"odsh/orm"
)

// Config is what a shell serves: its name and its addons. Only Name is
// required; the zero values of the others mean "nothing more".
type Config struct {
	// Name is the command's name. It prefixes every message ("NAME:
	// ..."), appears in the usage, is the default database name (-d), the
	// prompt ("NAME> "), the environment variable naming a database
	// (NAME_DB, upper-cased, e.g. ODSH_DB), and the name of the data
	// directories: the private cluster in ~/.local/share/NAME, the history
	// and the course's progress in ~/.local/state/NAME, the init script in
	// ~/.config/NAME/init.go.
	Name string

	// Addons are the addons the command knows, besides base, which is
	// always there. An addon's Depends name other addons of this list (or
	// base); --addons installs the ones it names with their dependencies.
	Addons []*orm.Addon

	// Default lists the addons installed when --addons is not given (it
	// is shown as --addons' default); names the command lacks are skipped.
	// Empty means base and every addon of Addons, in order.
	Default []string

	// Demo holds the demo data loaders, by addon name. A loader runs in
	// the install's transaction after its addon is first installed, unless
	// --demo none; size is --demo's value ("small", "large" or "1m"). An
	// error rolls the whole install back.
	Demo map[string]DemoLoader
}

// DemoLoader loads an addon's demo data of a size into env.
type DemoLoader func(env *orm.Env, size string) error

// app is one run of the command line for a Config: the addons by name
// (base included) and the defaults derived from the Config.
type app struct {
	name     string
	addons   map[string]*orm.Addon
	known    []string // addon names, base first, then in Config order
	defaults string   // --addons' default
	demo     map[string]DemoLoader
	dbEnv    string // the environment variable naming a database
}

// newApp checks cfg and derives what the run needs from it.
func newApp(cfg Config) (*app, error) {
	if cfg.Name == "" {
		return nil, fmt.Errorf("shell: Config.Name is empty")
	}
	a := &app{name: cfg.Name, addons: map[string]*orm.Addon{"base": base.Addon}, known: []string{"base"},
		demo: cfg.Demo, dbEnv: envName(cfg.Name) + "_DB"}
	for _, ad := range cfg.Addons {
		if ad == nil || ad.Name == "" {
			return nil, fmt.Errorf("shell: Config.Addons holds an addon without a name")
		}
		if a.addons[ad.Name] != nil {
			if ad.Name == "base" && ad == base.Addon {
				continue
			}
			return nil, fmt.Errorf("shell: Config.Addons holds two addons named %q", ad.Name)
		}
		a.addons[ad.Name] = ad
		a.known = append(a.known, ad.Name)
	}
	a.defaults = strings.Join(a.known, ",")
	if len(cfg.Default) > 0 {
		a.defaults = strings.Join(cfg.Default, ",")
	}
	return a, nil
}

// envName is name as an environment variable's: upper case, with
// characters other than letters and digits as underscores.
func envName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return '_'
	}, name)
}

// say prints a line on stderr, prefixed by the command's name.
func (a *app) say(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s: %s\n", a.name, fmt.Sprintf(format, args...))
}
