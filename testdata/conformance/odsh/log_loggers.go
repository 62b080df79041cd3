// A *log.Logger's print methods print values of declared types by their
// methods, as the package's functions do; log.Default is the logger that
// log.SetFlags and log.SetOutput set.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
)

type State int

func (s State) String() string { return [...]string{"draft", "done"}[s] }

type Row struct {
	Name  string
	State State
}

func main() {
	l := log.New(os.Stdout, "app: ", 0)
	l.Printf("state %v", State(1))
	l.Println("row", Row{"a", 1}, []State{0, 1})
	var sb strings.Builder
	fmt.Fprintf(&sb, "%v %s", State(1), []State{1})
	fmt.Println(sb.String())
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Printf("pkg %v", State(0))
	logger := log.Default()
	logger.Print(State(1))
}
