// A value of T does not implement an interface whose methods *T has only
// through pointer receivers; assertions and type switches answer so.
package main

import "fmt"

type T int

func (t T) V()  {}
func (t *T) P() {}

type P interface {
	P()
	V()
}
type V interface{ V() }

func kind(i any) string {
	switch i.(type) {
	case P:
		return "P"
	case V:
		return "V"
	}
	return "none"
}

func main() {
	var t T = 42
	var i interface{} = t
	_, ok := i.(P)
	fmt.Println(ok)
	fmt.Println(kind(t), kind(&t), kind(3))
	var v V = t
	_, ok = v.(P)
	fmt.Println(ok)
	v = &t
	_, ok = v.(P)
	fmt.Println(ok)
}
