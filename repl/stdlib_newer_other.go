//go:build !(linux && amd64)

package repl

import "reflect"

// newerStdlib is generated for linux/amd64 only (genstd); elsewhere the
// shell has yaegi's tables alone.
var newerStdlib = map[string]map[string]reflect.Value{}
