package repl

import (
	"fmt"
	"os"
	"testing"
)

func TestShowLineCode(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("SRC"))
	units, err := Split(string(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		fmt.Printf("%s\n", u.lineCode(nil))
	}
}
