// Printing values held in interfaces: %T of values of declared types in
// any and in interfaces declared here, with widths, * and argument indexes;
// slices, maps and fields of such an interface type.
package main

import "fmt"

type VE struct{ c int }

func (e VE) String() string { return fmt.Sprint("ve ", e.c) }

type PE struct{ c int }

func (e *PE) String() string { return fmt.Sprint("pe ", e.c) }

type Namer interface{ String() string }

type Holder struct {
	N Namer
	k int
}

func main() {
	var a any = VE{1}
	var n Namer = &PE{6}
	xs := []any{VE{2}, &PE{3}, 5}
	fmt.Printf("%T %v\n", a, a)
	fmt.Printf("%T %v\n", xs[0], xs)
	for _, x := range xs {
		fmt.Printf("%T|%-12T|%v\n", x, x, x)
	}
	fmt.Printf("%T %[1]v %d%%\n", n, 7)
	fmt.Printf("%*d|%T|%.*f\n", 4, 8, n, 2, 3.14159)
	fmt.Printf("%[2]T %[1]v %[2]s\n", a, n)
	fmt.Println(fmt.Sprintf("%v %T", n, n), fmt.Sprint(n), n)
	ns := []Namer{VE{3}, &PE{4}}
	fmt.Println(ns, ns[0], map[string]Namer{"a": VE{5}}, Holder{VE{6}, 1})
	fmt.Printf("%v %+v %s\n", ns, Holder{&PE{7}, 2}, ns[1])
	fmt.Printf("%T %d\n", a)
	fmt.Printf("%T\n", a, 1)
}
