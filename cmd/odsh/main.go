// Command odsh is an interactive shell on the odsh ORM: Go statements run
// against a live env, as Odoo's `odoo shell` runs Python. It serves the
// addons base, connector and demo; its command line is package shell's
// (see its documentation: go doc odsh/shell).
package main

import (
	"os"

	"odsh/addons/connector"
	"odsh/addons/demo"
	"odsh/orm"
	"odsh/shell"
)

func main() {
	os.Exit(shell.Main(shell.Config{
		Name:   "odsh",
		Addons: []*orm.Addon{connector.Addon, demo.Addon}, // base is implied
		Demo: map[string]shell.DemoLoader{
			"demo": func(env *orm.Env, size string) error { return demo.LoadProgress(env, size, os.Stderr) },
		},
	}))
}
