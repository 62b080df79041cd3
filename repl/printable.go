package repl

// printable returns x as fmt should see it.
func printable(x any) any { return x }

// printables applies printable to the arguments of a print function.
func printables(a []any) []any {
	for i, x := range a {
		a[i] = printable(x)
	}
	return a
}
