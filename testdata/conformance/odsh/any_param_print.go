// Values of declared types passed as any to a helper that prints them:
// yaegi read the value again in the helper's frame (show printed another
// of its locals); a struct with a Stringer field, errors, nil.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
)

type Num int

func (n Num) String() string { return fmt.Sprint("#", int(n)) }

type Tag struct {
	Name string
	N    Num
}

func show(x any) {
	a, b, c := 100, 200, 300
	_, _, _ = a, b, c
	fmt.Println("show", x, []any{x})
	fmt.Printf("%v\n", x)
	s := fmt.Sprint(x)
	fmt.Println(strings.ToUpper(s))
}

func showAll(xs ...any) {
	k := 7
	_ = k
	for _, x := range xs {
		fmt.Print(x, ";")
	}
	fmt.Println()
	fmt.Println(xs...)
}

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	for i := 0; i < 2; i++ {
		n := Num(i)
		show(n)
	}
	show(Tag{"t", 5})
	show(errors.New("boom"))
	show(nil)
	showAll(Num(3), "x", Tag{"u", 4})
	var held any = Num(9)
	func() {
		z := 42
		_ = z
		fmt.Println(held)
		log.Println(held)
	}()
}
