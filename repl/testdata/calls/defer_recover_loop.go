// A function deferred inside a loop that calls recover is refused: the
// shell runs the deferred calls of a loop from a stack of its own, where
// recover would not stop the panic.
package main

import "fmt"

func safeAll(jobs []func()) (failed int) {
	for _, job := range jobs {
		defer func() {
			if recover() != nil {
				failed++
			}
		}()
		job()
	}
	return 0
}

func main() {
	fmt.Println(safeAll([]func(){func() {}, func() { panic("x") }}))
}
