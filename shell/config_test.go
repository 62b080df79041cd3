package shell

import (
	"strings"
	"testing"

	"odsh/addons/base"
	"odsh/orm"
)

// shelf and lending are a tiny application: lending depends on shelf by
// name.
var (
	shelf   = &orm.Addon{Name: "shelf", Depends: []string{"base"}}
	lending = &orm.Addon{Name: "lending", Depends: []string{"shelf"}}
)

// TestConfig checks what a Config becomes: base implied, --addons'
// default, the environment variable, and the refused Configs.
func TestConfig(t *testing.T) {
	a, err := newApp(Config{Name: "my-shell", Addons: []*orm.Addon{shelf, lending}})
	if err != nil {
		t.Fatal(err)
	}
	if a.defaults != "base,shelf,lending" || a.dbEnv != "MY_SHELL_DB" || a.addons["base"] != base.Addon {
		t.Errorf("got defaults %q, env %q, base %v; want base,shelf,lending, MY_SHELL_DB and base.Addon", a.defaults, a.dbEnv, a.addons["base"])
	}
	a, err = newApp(Config{Name: "x", Addons: []*orm.Addon{base.Addon, shelf}, Default: []string{"shelf"}})
	if err != nil || a.defaults != "shelf" {
		t.Errorf("got %v, defaults %q; want base accepted in Addons and defaults %q", err, a.defaults, "shelf")
	}
	for _, tc := range []struct {
		name  string
		cfg   Config
		inErr string
	}{
		{"no name", Config{}, "Config.Name is empty"},
		{"twice", Config{Name: "x", Addons: []*orm.Addon{shelf, shelf}}, `two addons named "shelf"`},
		{"another base", Config{Name: "x", Addons: []*orm.Addon{{Name: "base"}}}, `two addons named "base"`},
		{"nameless", Config{Name: "x", Addons: []*orm.Addon{{}}}, "without a name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := newApp(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.inErr) {
				t.Errorf("got %v, want an error containing %q", err, tc.inErr)
			}
		})
	}
}

// TestResolveAddons checks --addons: dependencies by name, base first,
// unknown names an error naming the known ones (in Config order), or
// skipped in the default list.
func TestResolveAddons(t *testing.T) {
	a, err := newApp(Config{Name: "x", Addons: []*orm.Addon{lending, shelf}})
	if err != nil {
		t.Fatal(err)
	}
	names := func(addons []*orm.Addon) string {
		var out []string
		for _, ad := range addons {
			out = append(out, ad.Name)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		list    string
		lenient bool
		want    string // or the error
	}{
		{"lending", false, "base,shelf,lending"},
		{"base", false, "base"},
		{" shelf ,", false, "base,shelf"},
		{"demo", false, `unknown addon "demo" (known: base, lending, shelf)`},
		{"demo,lending", true, "base,shelf,lending"},
	} {
		got, err := a.resolveAddons(tc.list, tc.lenient)
		if s := names(got); err != nil && err.Error() != tc.want || err == nil && s != tc.want {
			t.Errorf("resolveAddons(%q, %v): got %q, %v; want %q", tc.list, tc.lenient, s, err, tc.want)
		}
	}
}
