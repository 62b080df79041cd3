// Command libsh is the shell of the library example: odsh's shell (package
// shell) serving the library addon. Run it with
//
//	go run ./examples/library/cmd/libsh
//
// It keeps its database in ~/.local/share/libsh, its history in
// ~/.local/state/libsh; $LIBSH_DB names another database.
package main

import (
	"os"

	"odsh/examples/library"
	"odsh/orm"
	"odsh/shell"
)

func main() {
	os.Exit(shell.Main(shell.Config{
		Name:   "libsh",
		Addons: []*orm.Addon{library.Addon}, // base is implied
		Demo:   map[string]shell.DemoLoader{"library": library.LoadDemo},
	}))
}
