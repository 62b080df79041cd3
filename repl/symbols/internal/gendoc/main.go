// Command gendoc writes docs.go in the current directory (repl/symbols):
// the doc comments of orm, domain and printer for the shell's :doc.
package main

import (
	"log"
	"os"

	"odsh/repl/symbols/internal/docgen"
)

func main() {
	src, err := docgen.Generate("symbols", []string{"../../orm", "../../domain", "../../printer"})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("docs.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}
