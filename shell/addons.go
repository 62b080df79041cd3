package shell

import (
	"fmt"
	"strings"

	"odsh/orm"
)

// resolveAddons returns the addons named in list with their dependencies,
// in load order; base always comes first. Unknown names are an error
// unless lenient (the default list), where they are dropped.
func (a *app) resolveAddons(list string, lenient bool) ([]*orm.Addon, error) {
	all := make([]*orm.Addon, 0, len(a.addons))
	for _, ad := range a.addons {
		all = append(all, ad)
	}
	names := []string{"base"}
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" || n == "base" {
			continue
		}
		if a.addons[n] == nil {
			if lenient {
				continue
			}
			return nil, fmt.Errorf("unknown addon %q (known: %s)", n, strings.Join(a.known, ", "))
		}
		names = append(names, n)
	}
	return orm.OrderAddons(all, names...)
}
