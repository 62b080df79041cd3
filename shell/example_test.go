package shell_test

import (
	"os"

	"odsh/examples/library"
	"odsh/orm"
	"odsh/shell"
)

// A command's main: the library example's shell, libsh.
func ExampleMain() {
	os.Exit(shell.Main(shell.Config{
		Name:   "libsh",
		Addons: []*orm.Addon{library.Addon}, // base is implied
		Demo:   map[string]shell.DemoLoader{"library": library.LoadDemo},
	}))
}
