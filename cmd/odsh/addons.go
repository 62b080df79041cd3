package main

import (
	"fmt"
	"os"
	"strings"

	"odsh/addons/base"
	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/orm"
)

// addonTable lists the addons this binary knows, by name. Add a line per
// addon package (its exported Addon).
var addonTable = map[string]*orm.Addon{
	"base":      base.Addon,
	"connector": connector.Addon,
	"demo":      demo.Addon,
}

// demoLoaders load an addon's demo data of a size ("small", "large") after
// it is first installed; an error (an unknown size) panics as a
// ValidationError so the install rolls back.
var demoLoaders = map[string]func(env *orm.Env, size string){
	"demo": func(env *orm.Env, size string) {
		if err := demo.LoadProgress(env, size, os.Stderr); err != nil {
			panic(&orm.ValidationError{ErrorInfo: orm.ErrorInfo{Model: "demo.order", Msg: err.Error()}})
		}
	},
}

// defaultAddons is --addons' default; names this binary lacks are skipped.
const defaultAddons = "base,connector,demo"

// resolveAddons returns the addons named in list with their dependencies,
// in load order. Unknown names are an error unless lenient (the default
// list), where they are dropped.
func resolveAddons(list string, lenient bool) ([]*orm.Addon, error) {
	all := make([]*orm.Addon, 0, len(addonTable))
	for _, a := range addonTable {
		all = append(all, a)
	}
	names := []string{"base"}
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" || n == "base" {
			continue
		}
		if addonTable[n] == nil {
			if lenient {
				continue
			}
			return nil, fmt.Errorf("unknown addon %q (known: %s)", n, strings.Join(knownAddons(), ", "))
		}
		names = append(names, n)
	}
	return orm.OrderAddons(all, names...)
}

func knownAddons() []string {
	var out []string
	for n := range addonTable {
		out = append(out, n)
	}
	return out
}
